package org.casetrail.projections.models;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveView;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.FunnelFigure;
import org.casetrail.projections.figures.GroupKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A definition's funnel cells ({@code definition_funnel_cell}): the members counted by place, entry stage and period,
 * kept by adding and taking away the members of the cases a batch touched, and read back as a funnel's counts, now
 * or, with the cases changed since taken out, at an earlier cut.
 */
public final class FunnelCells extends ModelCells {

    private static final List<String> STAGE_COLUMNS = List.of("recorded", "arrested", "charged", "charged_implied",
            "prosecuted", "prosecuted_implied", "convicted");
    private static final List<Stage> ENTRIES = List.of(Stage.RECORDED, Stage.ARRESTED);
    private static final String VICTIMS_OF_CASE = "(SELECT count(*) FROM definition_victim v "
            + "WHERE v.definition_id = c.definition_id AND v.version = c.version AND v.case_ref = c.case_ref)";

    FunnelCells(JdbcTemplate jdbc) {
        super(jdbc, "definition_funnel_cell", false);
    }

    /**
     * The model's funnel counts at an earlier cut, without the cases changed after it, and the changed cases that have
     * an event inside it ({@code toFold}), which stand at the cut otherwise than now and are folded at it from the
     * ledger. A case not changed since the cut (no event known after its date or stored after its position) stands at
     * the cut as it stands now, so the model answers for it. Both are read in one snapshot: a case changing meanwhile
     * is either taken out and folded, or neither.
     */
    public record UnchangedSince(Map<GroupKey, long[][]> counts, List<String> toFold) {
    }

    /** The funnel's counts now: per group, per stage from the entry, {count, implied}. */
    Map<GroupKey, long[][]> counts(FigureScope scope, Stage entry, FunnelFigure.Unit unit) {
        List<Object> arguments = new ArrayList<>();
        String sql = countsSql(scope, entry, unit, null, arguments);
        Map<GroupKey, long[][]> counts = new HashMap<>();
        CellGrouping grouping = new CellGrouping(scope, "entry_date");
        jdbc.query(sql, row -> {
            addGroup(row, grouping, entry, counts);
        }, arguments.toArray());
        return counts;
    }

    /**
     * Whether, in the snapshot, the model is ready and covers the cut's position, and every stored event is in
     * {@code ledger_case}: a replay may have started, or a writer older than V13 have written, since it was checked.
     */
    private static final String MODEL_SERVES_CUT = """
            SELECT state = 'READY' AND position >= ?
            AND coalesce((SELECT max(last_position) FROM ledger_case), 0)
                = coalesce((SELECT max(position) FROM ledger_row), 0)
            FROM definition_model WHERE definition_id = ? AND version = ?""";

    /** Empty when the model cannot serve the cut after all (see {@link #MODEL_SERVES_CUT}). */
    Optional<UnchangedSince> unchangedSince(FigureScope scope, Stage entry, FunnelFigure.Unit unit,
                                            EffectiveView.Cut cut) {
        List<Object> arguments = new ArrayList<>();
        String sql = countsSql(scope, entry, unit, cut, arguments);
        CellGrouping grouping = new CellGrouping(scope, "entry_date");
        List<Object> foldArguments = new ArrayList<>();
        String fold = "SELECT case_ref FROM ledger_case WHERE (" + changedAfter(cut, foldArguments) + ") AND "
                + "first_position <= ?" + (cut.asOf() == null ? "" : " AND first_reported_on <= ?");
        foldArguments.add(cut.position());
        if (cut.asOf() != null) {
            foldArguments.add(Date.valueOf(cut.asOf()));
        }
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                List<Boolean> serves = new ArrayList<>();
                query(connection, MODEL_SERVES_CUT, List.of(cut.position(), scope.definition().id(),
                        scope.definition().version()), row -> serves.add(row.getBoolean(1)));
                if (!serves.equals(List.of(true))) {
                    return Optional.empty();
                }
                Map<GroupKey, long[][]> counts = new HashMap<>();
                query(connection, sql, arguments, row -> addGroup(row, grouping, entry, counts));
                List<String> toFold = new ArrayList<>();
                query(connection, fold, foldArguments, row -> toFold.add(row.getString(1)));
                return Optional.of(new UnchangedSince(counts, toFold));
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw jdbc.getExceptionTranslator().translate("funnel at a cut", sql, e);
        }
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, List<Object> arguments, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.size(); i++) {
                statement.setObject(i + 1, arguments.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    /** The cases with an event outside the cut: known after its date, or stored after its position. */
    private static String changedAfter(EffectiveView.Cut cut, List<Object> arguments) {
        arguments.add(cut.position());
        if (cut.asOf() == null) {
            return "last_position > ?";
        }
        arguments.add(Date.valueOf(cut.asOf()));
        return "last_position > ? OR last_reported_on > ?";
    }

    private static void addGroup(ResultSet row, CellGrouping grouping, Stage entry, Map<GroupKey, long[][]> counts)
            throws SQLException {
        if (row.getLong("recorded") == 0) {
            // An aggregate without GROUP BY answers one row even for an empty cohort (and cells of members who left
            // remain at zero): a group with no member, which a figure leaves out.
            return;
        }
        List<Stage> stages = FunnelFigure.stagesFrom(entry);
        long[][] group = new long[stages.size()][2];
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            group[i][0] = row.getLong(stage.name().toLowerCase());
            if (stage == Stage.CHARGED || stage == Stage.PROSECUTED) {
                group[i][1] = row.getLong(stage.name().toLowerCase() + "_implied");
            }
        }
        counts.put(grouping.key(row), group);
    }

    /**
     * Whole years come from the year cells, whole months outside them from the month cells, and the members of partial
     * months at the date bounds are counted directly; with a cut, the members of the cases changed after it are taken
     * away.
     */
    private static String countsSql(FigureScope scope, Stage entry, FunnelFigure.Unit unit, EffectiveView.Cut cut,
                                    List<Object> arguments) {
        Definition definition = scope.definition();
        CellWindow years = CellWindow.of(scope, CellPeriod.YEAR);
        CellWindow months = CellWindow.of(scope, CellPeriod.MONTH);
        String cells = "SELECT " + PLACE_READ + ", period_start AS entry_date, " + String.join(", ", STAGE_COLUMNS) + " FROM definition_funnel_cell "
                + "WHERE definition_id = ? AND version = ? AND unit = ? AND entry = ? AND period = ?";
        List<String> parts = new ArrayList<>();
        arguments.addAll(List.of(definition.id(), definition.version(), unit.name(), entry.name(),
                CellPeriod.YEAR.name()));
        parts.add(cells + years.inside("period_start", arguments));
        if (!years.isEverything()) {
            arguments.addAll(List.of(definition.id(), definition.version(), unit.name(), entry.name(),
                    CellPeriod.MONTH.name()));
            parts.add(cells + months.inside("period_start", arguments) + years.outside("period_start", arguments));
        }
        if (!months.isEverything()) {
            arguments.addAll(List.of(definition.id(), definition.version()));
            parts.add("SELECT force_code, region, context, entry_date, " + String.join(", ", STAGE_COLUMNS)
                    + " FROM (SELECT member.*, " + entryDate(entry) + " AS entry_date FROM (" + members(unit, "")
                    + ") member) dated" + inRange(scope, arguments) + months.outside("entry_date", arguments));
        }
        if (cut != null) {
            arguments.addAll(List.of(definition.id(), definition.version()));
            String changed = " AND c.case_ref IN (SELECT case_ref FROM ledger_case WHERE "
                    + changedAfter(cut, arguments) + ")";
            parts.add("SELECT force_code, region, context, entry_date, "
                    + String.join(", ", STAGE_COLUMNS.stream().map(c -> "-" + c).toList())
                    + " FROM (SELECT member.*, " + entryDate(entry) + " AS entry_date FROM (" + members(unit, changed)
                    + ") member) dated" + inRange(scope, arguments));
        }
        String rows = String.join(" UNION ALL ", parts);
        CellGrouping grouping = new CellGrouping(scope, "entry_date");
        String where = grouping.forceFilter(arguments);
        return "SELECT " + grouping.selected()
                + sums(STAGE_COLUMNS)
                + " FROM (" + rows + ") counted WHERE true" + where + grouping.groupBy();
    }

    /** Members who entered within the scope's dates. */
    private static String inRange(FigureScope scope, List<Object> arguments) {
        StringBuilder inRange = new StringBuilder(" WHERE entry_date IS NOT NULL");
        if (scope.from() != null) {
            inRange.append(" AND entry_date >= ?");
            arguments.add(Date.valueOf(scope.from()));
        }
        if (scope.to() != null) {
            inRange.append(" AND entry_date <= ?");
            arguments.add(Date.valueOf(scope.to()));
        }
        return inRange.toString();
    }

    /**
     * The funnel's members as rows: place, the date they entered at each entry stage ({@code recorded_entry},
     * {@code arrested_entry}, null when never arrested), and 1 or 0 for each stage reached (and for reaching charge or
     * prosecution by implication only). Parameters: definition id, version, then those of {@code caseCondition}
     * (an SQL condition on {@code c.case_ref}, or empty).
     */
    private static String members(FunnelFigure.Unit unit, String caseCondition) {
        if (unit == FunnelFigure.Unit.SUSPECT) {
            return "SELECT c.force_code, c.region, c.context, c.opened_on AS recorded_entry, "
                    + "s.arrested_on AS arrested_entry, 1 AS recorded, "
                    + "(s.arrested_on IS NOT NULL)::int AS arrested, "
                    + "(s.charged_on IS NOT NULL OR s.charged_implied)::int AS charged, "
                    + "(s.charged_on IS NULL AND s.charged_implied)::int AS charged_implied, "
                    + "(s.prosecuted_on IS NOT NULL OR s.prosecuted_implied)::int AS prosecuted, "
                    + "(s.prosecuted_on IS NULL AND s.prosecuted_implied)::int AS prosecuted_implied, "
                    + "(s.convicted_on IS NOT NULL)::int AS convicted "
                    + "FROM definition_suspect s JOIN definition_case c ON c.definition_id = s.definition_id "
                    + "AND c.version = s.version AND c.case_ref = s.case_ref "
                    + "WHERE s.definition_id = ? AND s.version = ?" + caseCondition;
        }
        String charged = "coalesce(bool_or(s.charged_on IS NOT NULL OR s.charged_implied), false)";
        String chargedDirect = "coalesce(bool_or(s.charged_on IS NOT NULL), false)";
        String prosecuted = "coalesce(bool_or(s.prosecuted_on IS NOT NULL OR s.prosecuted_implied), false)";
        String prosecutedDirect = "coalesce(bool_or(s.prosecuted_on IS NOT NULL), false)";
        String cases = "SELECT c.force_code, c.region, c.context, c.opened_on AS recorded_entry, "
                + "min(s.arrested_on) AS arrested_entry, 1 AS recorded, "
                + "coalesce(bool_or(s.arrested_on IS NOT NULL), false)::int AS arrested, "
                + charged + "::int AS charged, (" + charged + " AND NOT " + chargedDirect + ")::int AS charged_implied, "
                + prosecuted + "::int AS prosecuted, "
                + "(" + prosecuted + " AND NOT " + prosecutedDirect + ")::int AS prosecuted_implied, "
                + "coalesce(bool_or(s.convicted_on IS NOT NULL), false)::int AS convicted"
                + (unit == FunnelFigure.Unit.VICTIM ? ", " + VICTIMS_OF_CASE + " AS victims " : " ")
                + "FROM definition_case c LEFT JOIN definition_suspect s ON c.definition_id = s.definition_id "
                + "AND c.version = s.version AND c.case_ref = s.case_ref "
                + "WHERE c.definition_id = ? AND c.version = ?" + caseCondition
                + " GROUP BY c.definition_id, c.version, c.case_ref, c.force_code, c.region, c.context, c.opened_on";
        if (unit == FunnelFigure.Unit.CASE) {
            return cases;
        }
        // Each victim reaches what its case reaches: the case's row counted once per victim (none: nothing).
        return "SELECT force_code, region, context, recorded_entry, arrested_entry, "
                + String.join(", ", STAGE_COLUMNS.stream().map(c -> c + " * victims AS " + c).toList())
                + " FROM (" + cases + ") counted_case";
    }

    /** The members' column holding the date they entered the funnel at {@code entry}. */
    private static String entryDate(Stage entry) {
        return entry == Stage.RECORDED ? "recorded_entry" : "arrested_entry";
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the members of these cases (of all cases when null) to the cells: one
     * statement per unit, which works the members out once and counts them into the cells of both entries and both
     * periods at once (grouping sets; a replay of a million cases spent a minute on eight separate aggregations).
     */
    @Override
    void add(Definition definition, List<String> caseRefs, int sign) {
        for (FunnelFigure.Unit unit : FunnelFigure.Unit.values()) {
            add(definition, caseRefs, sign, unit);
        }
    }

    private void add(Definition definition, List<String> caseRefs, int sign, FunnelFigure.Unit unit) {
        List<String> periodStarts = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (Stage entry : ENTRIES) {
            for (CellPeriod period : List.of(CellPeriod.YEAR, CellPeriod.MONTH)) {
                String column = entryDate(entry) + "_" + period.name().toLowerCase();
                periodStarts.add(period.startOf(entryDate(entry)) + " AS " + column);
                sets.add("(" + PLACE_WRITTEN + ", " + column + ")");
            }
        }
        String sql = "INSERT INTO definition_funnel_cell (definition_id, version, unit, entry, force_code, "
                + "region, context, period, period_start, " + String.join(", ", STAGE_COLUMNS) + ") "
                + "SELECT ?, ?, ?, * FROM (SELECT "
                + "CASE WHEN grouping(recorded_entry_year) = 0 OR grouping(recorded_entry_month) = 0 THEN '"
                + Stage.RECORDED.name() + "' ELSE '" + Stage.ARRESTED.name() + "' END, " + PLACE_WRITTEN + ", "
                + "CASE WHEN grouping(recorded_entry_year) = 0 OR grouping(arrested_entry_year) = 0 THEN '"
                + CellPeriod.YEAR.name() + "' ELSE '" + CellPeriod.MONTH.name() + "' END, "
                + "coalesce(recorded_entry_year, recorded_entry_month, arrested_entry_year, arrested_entry_month) "
                + "AS period_start, "
                + signedSums(STAGE_COLUMNS, sign)
                + " FROM (SELECT member.*, " + String.join(", ", periodStarts) + " FROM (" + members(unit,
                caseRefs == null ? "" : " AND c.case_ref = ANY (?)") + ") member) dated GROUP BY GROUPING SETS ("
                + String.join(", ", sets) + ")) cells "
                + "WHERE period_start IS NOT NULL "
                + "ON CONFLICT (definition_id, version, unit, entry, force_code, region, context, period, "
                + "period_start) DO UPDATE SET " + addedToKept(STAGE_COLUMNS);
        addRows(sql, List.of(definition.id(), definition.version(), unit.name()), definition, caseRefs);
    }
}
