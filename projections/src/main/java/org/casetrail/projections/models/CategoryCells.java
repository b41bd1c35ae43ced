package org.casetrail.projections.models;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.GroupKey;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A definition's category cells ({@code definition_category_cell}): its suspects (and suspect-victim pairs) counted
 * by stage reached, place, period and {@link CategoryKind}, kept by adding and taking away the members of the cases a
 * batch touched, and read back as the counts a category figure sorts into categories. Whole years come from the year
 * cells, whole months outside them from the month cells, and the members of partial months at the bounds (and every
 * kind the cells do not keep) from the member rows.
 */
final class CategoryCells {

    private static final String PLACE = "force_code, region, context";
    private static final String KEY = "stage, kind, " + PLACE + ", code, victim";

    private final JdbcTemplate jdbc;

    CategoryCells(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One count read back: the group, the suspect's code (null: not recorded) and the victim's ('' for suspects). */
    interface CountSink {
        void add(GroupKey key, String code, String victim, long members);
    }

    /** The members of a stage counted by the scope's groups, code and victim; cells counting no one are skipped. */
    void count(FigureScope scope, Stage stage, CategoryKind kind, CountSink sink) {
        List<Object> arguments = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        CellWindow years = CellWindow.of(scope, CellPeriod.YEAR);
        CellWindow months = CellWindow.of(scope, CellPeriod.MONTH);
        if (kind.stored()) {
            String cells = "SELECT nullif(force_code, '') AS force_code, nullif(region, '') AS region, context, "
                    + "period_start AS reached_on, code, victim, members FROM definition_category_cell "
                    + "WHERE definition_id = ? AND version = ? AND stage = ? AND kind = ? AND period = ?";
            arguments.addAll(cellKey(scope, stage, kind, CellPeriod.YEAR));
            parts.add(cells + years.inside("period_start", arguments));
            if (!years.isEverything()) {
                arguments.addAll(cellKey(scope, stage, kind, CellPeriod.MONTH));
                parts.add(cells + months.inside("period_start", arguments) + years.outside("period_start", arguments));
            }
        }
        if (!kind.stored() || !months.isEverything()) {
            arguments.addAll(List.of(scope.definition().id(), scope.definition().version()));
            parts.add("SELECT * FROM (" + members(stage, kind) + ") member"
                    + MemberColumns.inRange("reached_on", scope, arguments)
                    + (kind.stored() ? months.outside("reached_on", arguments) : ""));
        }
        CellGrouping grouping = new CellGrouping(scope, "reached_on");
        String where = grouping.forceFilter(arguments);
        String sql = "SELECT " + grouping.selected() + "code, victim, sum(members)::bigint AS members FROM ("
                + String.join(" UNION ALL ", parts) + ") counted WHERE true" + where
                + grouping.groupBy("code", "victim");
        jdbc.query(sql, row -> {
            long members = row.getLong("members");
            if (members != 0) {
                String code = row.getString("code");
                sink.add(grouping.key(row), code.isEmpty() ? null : code, row.getString("victim"), members);
            }
        }, arguments.toArray());
    }

    private static List<Object> cellKey(FigureScope scope, Stage stage, CategoryKind kind, CellPeriod period) {
        return List.of(scope.definition().id(), scope.definition().version(), stage.name(), kind.name(),
                period.name());
    }

    /** One stage's members as rows of place, {@code reached_on}, code, victim and 1. Binds the definition. */
    private static String members(Stage stage, CategoryKind kind) {
        return "SELECT c.force_code, c.region, c.context, " + MemberColumns.stageDate(stage) + " AS reached_on, "
                + kind.codeSql() + " AS code, " + kind.victimSql() + " AS victim, 1 AS members FROM "
                + MemberColumns.SUSPECTS + (kind.isPair() ? MemberColumns.WITH_VICTIMS : "") + " WHERE "
                + MemberColumns.OF_DEFINITION;
    }

    /** Fills the cells from the whole model, then analyses them. */
    void build(Definition definition) {
        jdbc.update("DELETE FROM definition_category_cell WHERE definition_id = ? AND version = ?", definition.id(),
                definition.version());
        add(definition, null, 1);
        jdbc.execute("ANALYZE definition_category_cell");
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the members of these cases (of all cases when null) to the cells: one
     * statement that works every stage and kind of every member out once and counts them into the year and month
     * cells at once (grouping sets).
     */
    void add(Definition definition, List<String> caseRefs, int sign) {
        String ofCases = caseRefs == null ? "" : " AND c.case_ref = ANY (?)";
        String reached = "CROSS JOIN LATERAL (VALUES " + Arrays.stream(Stage.values())
                .map(stage -> "('" + stage.name() + "', " + MemberColumns.stageDate(stage) + ")")
                .collect(Collectors.joining(", ")) + ") reached(stage, reached_on)";
        String suspects = memberRows(reached, CategoryKind.SUSPECT_KINDS, "", ofCases);
        String pairs = memberRows(reached, CategoryKind.STORED_PAIR_KINDS, MemberColumns.WITH_VICTIMS, ofCases);
        String sql = "INSERT INTO definition_category_cell (definition_id, version, " + KEY + ", period, "
                + "period_start, members) SELECT ?, ?, stage, kind, coalesce(force_code, ''), coalesce(region, ''), "
                + "context, code, victim, CASE WHEN grouping(year_start) = 0 THEN '" + CellPeriod.YEAR.name()
                + "' ELSE '" + CellPeriod.MONTH.name() + "' END, coalesce(year_start, month_start), "
                + sign + " * count(*) FROM (" + suspects + " UNION ALL " + pairs + ") member "
                + "GROUP BY GROUPING SETS ((" + KEY + ", year_start), (" + KEY + ", month_start)) "
                + "ON CONFLICT (definition_id, version, stage, kind, period, period_start, " + PLACE
                + ", code, victim) DO UPDATE SET members = definition_category_cell.members + EXCLUDED.members";
        jdbc.update(connection -> {
            PreparedStatement statement = caseRefs == null ? connection.prepareStatement(sql)
                    : ArrayParameter.prepare(connection, sql, 5, "varchar", caseRefs);
            statement.setString(1, definition.id());
            statement.setInt(2, definition.version());
            statement.setString(3, definition.id());
            statement.setInt(4, definition.version());
            int next = caseRefs == null ? 5 : 6;
            statement.setString(next, definition.id());
            statement.setInt(next + 1, definition.version());
            if (caseRefs != null) {
                statement.setArray(next + 2, arrayOf(connection, caseRefs));
            }
            return statement;
        });
    }

    private static Array arrayOf(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray());
    }

    /** Each member's stages reached, once per kind: place, stage, kind, code, victim, year and month. */
    private static String memberRows(String reached, List<CategoryKind> kinds, String join, String ofCases) {
        String counted = "CROSS JOIN LATERAL (VALUES " + kinds.stream()
                .map(kind -> "('" + kind.name() + "', " + kind.codeSql() + ", " + kind.victimSql() + ")")
                .collect(Collectors.joining(", ")) + ") counted(kind, code, victim)";
        return "SELECT c.force_code, c.region, c.context, reached.stage, counted.kind, counted.code, "
                + "counted.victim, " + CellPeriod.YEAR.startOf("reached.reached_on") + " AS year_start, "
                + CellPeriod.MONTH.startOf("reached.reached_on") + " AS month_start FROM " + MemberColumns.SUSPECTS
                + join + " " + reached + " " + counted + " WHERE " + MemberColumns.OF_DEFINITION + ofCases
                + " AND reached.reached_on IS NOT NULL";
    }
}
