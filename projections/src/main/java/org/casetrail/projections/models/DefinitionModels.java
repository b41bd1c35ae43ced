package org.casetrail.projections.models;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.EthnicityFigure;
import org.casetrail.projections.figures.EthnicityScheme;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.FunnelFigure;
import org.casetrail.projections.figures.GroupKey;
import org.casetrail.projections.figures.LagsFigure;
import org.casetrail.projections.figures.NationalityFigure;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.casetrail.projections.jdbc.CopyRows;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A definition's current-state model in PostgreSQL: its state ({@code BUILDING} while a replay runs, {@code READY}
 * once it covers every event up to {@code position}), its qualifying cases and their suspects' stages, and the funnel
 * read from it by aggregation.
 */
public class DefinitionModels {

    public enum State { BUILDING, READY }

    public record Model(String definitionId, int version, State state, Long position) {
    }

    private final JdbcTemplate jdbc;
    private final CategoryMembers categories;
    private final LagMembers lags;

    public DefinitionModels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.categories = new CategoryMembers(jdbc);
        this.lags = new LagMembers(jdbc);
    }

    public Optional<Model> model(String definitionId, int version) {
        return jdbc.query("SELECT * FROM definition_model WHERE definition_id = ? AND version = ?",
                (row, i) -> new Model(row.getString("definition_id"), row.getInt("version"),
                        State.valueOf(row.getString("state")), (Long) row.getObject("position")),
                definitionId, version).stream().findFirst();
    }

    /** Starts (or restarts) building a model: whatever it held is cleared. */
    public void startBuilding(Definition definition) {
        jdbc.update("""
                        INSERT INTO definition_model (definition_id, version, state, position) VALUES (?, ?, ?, NULL)
                        ON CONFLICT (definition_id, version) DO UPDATE SET state = EXCLUDED.state, position = NULL""",
                definition.id(), definition.version(), State.BUILDING.name());
        jdbc.update("DELETE FROM definition_suspect WHERE definition_id = ? AND version = ?", definition.id(),
                definition.version());
        jdbc.update("DELETE FROM definition_case WHERE definition_id = ? AND version = ?", definition.id(),
                definition.version());
        jdbc.update("DELETE FROM definition_funnel_cell WHERE definition_id = ? AND version = ?", definition.id(),
                definition.version());
        jdbc.update("DELETE FROM definition_victim WHERE definition_id = ? AND version = ?", definition.id(),
                definition.version());
    }

    /**
     * The ready models, locked against a replay finishing at the same moment (call inside a transaction): a batch of
     * events handled now either sees a model ready, or the replay's final catch-up sees the batch's events.
     */
    public List<Model> lockReady() {
        return jdbc.query("SELECT * FROM definition_model WHERE state = ? FOR SHARE",
                (row, i) -> new Model(row.getString("definition_id"), row.getInt("version"), State.READY,
                        (Long) row.getObject("position")), State.READY.name());
    }

    /** Locks one model for its replay's final catch-up (call inside a transaction). */
    public void lockForFinish(Definition definition) {
        jdbc.query("SELECT 1 FROM definition_model WHERE definition_id = ? AND version = ? FOR UPDATE",
                (row, i) -> 1, definition.id(), definition.version());
    }

    public void markReady(Definition definition, long position) {
        jdbc.update("UPDATE definition_model SET state = ?, position = ? WHERE definition_id = ? AND version = ?",
                State.READY.name(), position, definition.id(), definition.version());
    }

    public void advance(Model model, long position) {
        jdbc.update("""
                UPDATE definition_model SET position = greatest(coalesce(position, 0), ?)
                WHERE definition_id = ? AND version = ?""", position, model.definitionId(), model.version());
    }

    /** Replaces what the model holds of these cases with what they are now. */
    public void replace(Definition definition, List<MemberRows> cases) {
        if (cases.isEmpty()) {
            return;
        }
        List<String> refs = cases.stream().map(MemberRows::caseRef).toList();
        addToCells(definition, refs, -1);
        for (String table : List.of("definition_suspect", "definition_victim", "definition_case")) {
            jdbc.update(connection -> {
                PreparedStatement statement = ArrayParameter.prepare(connection, "DELETE FROM " + table
                        + " WHERE definition_id = ? AND version = ? AND case_ref = ANY (?)", 3, "varchar", refs);
                statement.setString(1, definition.id());
                statement.setInt(2, definition.version());
                return statement;
            });
        }
        insert(definition, cases);
        addToCells(definition, refs, 1);
    }

    /**
     * Adds the rows of cases the model does not hold yet: a replay building a model from empty writes each case once,
     * so it needs no deletes (with them, every batch scanned the growing tables; measured in docs/benchmarks.md).
     */
    public void insert(Definition definition, List<MemberRows> cases) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (CopyRows caseRows = CopyRows.into(connection, "definition_case", "definition_id, version, case_ref, "
                    + "force_code, region, context, opened_on, offence_from")) {
                for (MemberRows rows : cases) {
                    if (rows.caseRow() != null) {
                        MemberRows.CaseRow c = rows.caseRow();
                        caseRows.add(definition.id(), definition.version(), rows.caseRef(), c.forceCode(), c.region(),
                                c.context(), c.openedOn(), c.offenceFrom());
                    }
                }
            }
            try (CopyRows suspectRows = CopyRows.into(connection, "definition_suspect", "definition_id, version, "
                    + "case_ref, suspect_ref, arrested_on, charged_on, charged_implied, prosecuted_on, "
                    + "prosecuted_implied, convicted_on, self_ethnicity, officer_ethnicity, best_ethnicity, recording, "
                    + "nationality, exits")) {
                for (MemberRows rows : cases) {
                    if (rows.caseRow() != null) {
                        for (MemberRows.SuspectRow s : rows.suspects()) {
                            suspectRows.add(definition.id(), definition.version(), rows.caseRef(), s.suspectRef(),
                                    s.arrestedOn(), s.chargedOn(), s.chargedImplied(), s.prosecutedOn(),
                                    s.prosecutedImplied(), s.convictedOn(), s.ethnicity().self(),
                                    s.ethnicity().officer(), EthnicityScheme.BEST.code(s.ethnicity()),
                                    s.ethnicity().recording().name(), s.nationality(), dateArray(s.exits()));
                        }
                    }
                }
            }
            try (CopyRows victimRows = CopyRows.into(connection, "definition_victim", "definition_id, version, "
                    + "case_ref, victim_ref, self_ethnicity, officer_ethnicity, best_ethnicity")) {
                for (MemberRows rows : cases) {
                    for (MemberRows.VictimRow v : rows.victims()) {
                        victimRows.add(definition.id(), definition.version(), rows.caseRef(), v.victimRef(),
                                v.ethnicity().self(), v.ethnicity().officer(),
                                EthnicityScheme.BEST.code(v.ethnicity()));
                    }
                }
            }
            return null;
        });
    }

    /** A list of dates as a PostgreSQL array literal, for COPY. */
    private static String dateArray(List<LocalDate> dates) {
        return "{" + String.join(",", dates.stream().map(LocalDate::toString).toList()) + "}";
    }

    /** SEMANTICS 6.4 from the model's member rows, censored on {@code censoredOn}. */
    public LagsFigure.Result lags(FigureScope scope, LagsFigure.Start start, Stage end, LocalDate censoredOn,
                                  boolean curve) {
        return lags.lags(scope, start, end, censoredOn, curve);
    }

    /** SEMANTICS 6.6 from the model's member rows. */
    public EthnicityFigure.Result ethnicity(FigureScope scope, Stage stage, EthnicityScheme scheme,
                                                      EthnicityScheme.Level level) {
        return categories.ethnicity(scope, stage, scheme, level, true);
    }

    /**
     * SEMANTICS 6.6 completeness from the model's member rows: the ethnicity answer (BEST, group level) without its
     * pairs, which completeness does not read and which cost the most to count.
     */
    public EthnicityFigure.Result completeness(FigureScope scope, Stage stage) {
        return categories.ethnicity(scope, stage, EthnicityScheme.BEST, EthnicityScheme.Level.GROUP, false);
    }

    /** SEMANTICS 6.6 nationality from the model's member rows. */
    public NationalityFigure.Result nationality(FigureScope scope, Stage stage, EthnicityScheme.Level level) {
        return categories.nationality(scope, stage, level);
    }

    /**
     * SEMANTICS 6.2 from the model: the same counts the funnel accumulator makes from the effective view. Whole years
     * come from the year cells, whole months outside them from the month cells, and the members of partial months at
     * the date bounds are counted directly.
     */
    public FunnelFigure.Result funnel(FigureScope scope, Stage entry, FunnelFigure.Unit unit) {
        if (unit == FunnelFigure.Unit.VICTIM) {
            throw new IllegalArgumentException("the model keeps suspects and cases; victims come from the ledger");
        }
        Definition definition = scope.definition();
        List<Object> arguments = new ArrayList<>();
        CellWindow years = CellWindow.of(scope, CellPeriod.YEAR);
        CellWindow months = CellWindow.of(scope, CellPeriod.MONTH);
        String cells = "SELECT nullif(force_code, '') AS force_code, nullif(region, '') AS region, context, "
                + "period_start AS entry_date, " + String.join(", ", STAGE_COLUMNS) + " FROM definition_funnel_cell "
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
            StringBuilder inRange = new StringBuilder(" WHERE entry_date IS NOT NULL");
            if (scope.from() != null) {
                inRange.append(" AND entry_date >= ?");
                arguments.add(Date.valueOf(scope.from()));
            }
            if (scope.to() != null) {
                inRange.append(" AND entry_date <= ?");
                arguments.add(Date.valueOf(scope.to()));
            }
            parts.add("SELECT force_code, region, context, entry_date, " + String.join(", ", STAGE_COLUMNS)
                    + " FROM (SELECT member.*, " + entryDate(entry) + " AS entry_date FROM (" + members(unit, false)
                    + ") member) dated" + inRange
                    + months.outside("entry_date", arguments));
        }
        String rows = String.join(" UNION ALL ", parts);
        CellGrouping grouping = new CellGrouping(scope, "entry_date");
        String where = grouping.forceFilter(arguments);
        String sql = "SELECT " + grouping.selected()
                + String.join(", ", STAGE_COLUMNS.stream().map(c -> "sum(" + c + ")::bigint AS " + c).toList())
                + " FROM (" + rows + ") counted WHERE true" + where + grouping.groupBy();
        List<Stage> stages = FunnelFigure.stagesFrom(entry);
        Map<GroupKey, long[][]> counts = new HashMap<>();
        jdbc.query(sql, row -> {
            if (row.getLong("recorded") == 0) {
                // An aggregate without GROUP BY answers one row even for an empty cohort (and cells of members who
                // left remain at zero): a group with no member, which a figure leaves out.
                return;
            }
            long[][] group = new long[stages.size()][2];
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                group[i][0] = row.getLong(stage.name().toLowerCase());
                if (stage == Stage.CHARGED || stage == Stage.PROSECUTED) {
                    group[i][1] = row.getLong(stage.name().toLowerCase() + "_implied");
                }
            }
            counts.put(grouping.key(row), group);
        }, arguments.toArray());
        return FunnelFigure.result(entry, unit, counts);
    }

    private static final List<String> STAGE_COLUMNS = List.of("recorded", "arrested", "charged", "charged_implied",
            "prosecuted", "prosecuted_implied", "convicted");
    private static final List<Stage> ENTRIES = List.of(Stage.RECORDED, Stage.ARRESTED);

    /**
     * The funnel's members as rows: place, the date they entered at each entry stage ({@code recorded_entry},
     * {@code arrested_entry}, null when never arrested), and 1 or 0 for each stage reached (and for reaching charge or
     * prosecution by implication only). Parameters: definition id, version, and with {@code ofCases} an array of case
     * refs.
     */
    private static String members(FunnelFigure.Unit unit, boolean ofCases) {
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
                    + "WHERE s.definition_id = ? AND s.version = ?" + (ofCases ? " AND s.case_ref = ANY (?)" : "");
        }
        String charged = "coalesce(bool_or(s.charged_on IS NOT NULL OR s.charged_implied), false)";
        String chargedDirect = "coalesce(bool_or(s.charged_on IS NOT NULL), false)";
        String prosecuted = "coalesce(bool_or(s.prosecuted_on IS NOT NULL OR s.prosecuted_implied), false)";
        String prosecutedDirect = "coalesce(bool_or(s.prosecuted_on IS NOT NULL), false)";
        return "SELECT c.force_code, c.region, c.context, c.opened_on AS recorded_entry, "
                + "min(s.arrested_on) AS arrested_entry, 1 AS recorded, "
                + "coalesce(bool_or(s.arrested_on IS NOT NULL), false)::int AS arrested, "
                + charged + "::int AS charged, (" + charged + " AND NOT " + chargedDirect + ")::int AS charged_implied, "
                + prosecuted + "::int AS prosecuted, "
                + "(" + prosecuted + " AND NOT " + prosecutedDirect + ")::int AS prosecuted_implied, "
                + "coalesce(bool_or(s.convicted_on IS NOT NULL), false)::int AS convicted "
                + "FROM definition_case c LEFT JOIN definition_suspect s ON c.definition_id = s.definition_id "
                + "AND c.version = s.version AND c.case_ref = s.case_ref "
                + "WHERE c.definition_id = ? AND c.version = ?" + (ofCases ? " AND c.case_ref = ANY (?)" : "")
                + " GROUP BY c.case_ref, c.force_code, c.region, c.context, c.opened_on";
    }

    /** The members' column holding the date they entered the funnel at {@code entry}. */
    private static String entryDate(Stage entry) {
        return entry == Stage.RECORDED ? "recorded_entry" : "arrested_entry";
    }

    /** Fills the funnel cells from the whole model (a replay does this once, after its bulk pass), then analyses them. */
    public void buildCells(Definition definition) {
        jdbc.update("DELETE FROM definition_funnel_cell WHERE definition_id = ? AND version = ?", definition.id(),
                definition.version());
        addToCells(definition, null, 1);
        jdbc.execute("ANALYZE definition_funnel_cell");
    }

    /**
     * Gives the planner fresh statistics of the member tables, as a replay must once it has filled them in bulk:
     * without them it takes the tables for empty and joins them by nested scans (seen: a funnel of 100,000 cases
     * still running after minutes).
     */
    public void analyzeMembers() {
        jdbc.execute("ANALYZE definition_case, definition_suspect, definition_victim");
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the members of these cases (of all cases when null) to the cells: one
     * statement per unit, which works the members out once and counts them into the cells of both entries and both
     * periods at once (grouping sets; a replay of a million cases spent a minute on eight separate aggregations).
     */
    private void addToCells(Definition definition, List<String> caseRefs, int sign) {
        for (FunnelFigure.Unit unit : FunnelFigure.Unit.values()) {
            addToCells(definition, caseRefs, sign, unit);
        }
    }

    private void addToCells(Definition definition, List<String> caseRefs, int sign, FunnelFigure.Unit unit) {
        String place = "coalesce(force_code, ''), coalesce(region, ''), context";
        List<String> periodStarts = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        for (Stage entry : ENTRIES) {
            for (CellPeriod period : CellPeriod.values()) {
                String column = entryDate(entry) + "_" + period.name().toLowerCase();
                periodStarts.add("date_trunc('" + period.name().toLowerCase() + "', " + entryDate(entry) + ")::date AS "
                        + column);
                sets.add("(" + place + ", " + column + ")");
            }
        }
        String sql = "INSERT INTO definition_funnel_cell (definition_id, version, unit, entry, force_code, "
                + "region, context, period, period_start, " + String.join(", ", STAGE_COLUMNS) + ") "
                + "SELECT ?, ?, ?, * FROM (SELECT "
                + "CASE WHEN grouping(recorded_entry_year) = 0 OR grouping(recorded_entry_month) = 0 THEN '"
                + Stage.RECORDED.name() + "' ELSE '" + Stage.ARRESTED.name() + "' END, " + place + ", "
                + "CASE WHEN grouping(recorded_entry_year) = 0 OR grouping(arrested_entry_year) = 0 THEN '"
                + CellPeriod.YEAR.name() + "' ELSE '" + CellPeriod.MONTH.name() + "' END, "
                + "coalesce(recorded_entry_year, recorded_entry_month, arrested_entry_year, arrested_entry_month) "
                + "AS period_start, "
                + String.join(", ", STAGE_COLUMNS.stream().map(c -> sign + " * sum(" + c + ")").toList())
                + " FROM (SELECT member.*, " + String.join(", ", periodStarts) + " FROM (" + members(unit,
                caseRefs != null) + ") member) dated GROUP BY GROUPING SETS (" + String.join(", ", sets) + ")) cells "
                + "WHERE period_start IS NOT NULL "
                + "ON CONFLICT (definition_id, version, unit, entry, force_code, region, context, period, "
                + "period_start) DO UPDATE SET " + String.join(", ", STAGE_COLUMNS.stream()
                .map(c -> c + " = definition_funnel_cell." + c + " + EXCLUDED." + c).toList());
        jdbc.update(connection -> {
            PreparedStatement statement = caseRefs == null ? connection.prepareStatement(sql)
                    : ArrayParameter.prepare(connection, sql, 6, "varchar", caseRefs);
            statement.setString(1, definition.id());
            statement.setInt(2, definition.version());
            statement.setString(3, unit.name());
            statement.setString(4, definition.id());
            statement.setInt(5, definition.version());
            return statement;
        });
    }
}
