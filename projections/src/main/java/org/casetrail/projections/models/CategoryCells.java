package org.casetrail.projections.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.GroupKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A definition's category cells ({@code definition_category_cell}): its suspects counted by stage reached, place, year
 * and codes ({@link CategoryKind}), kept by adding and taking away the members of the cases a batch touched, and read
 * back as the counts a category figure sorts into categories. Whole years come from the cells; the members of partial
 * years at the bounds, and the pairs of other schemes and levels than the default, from the member rows. Only years:
 * month cells were nearly one per member (a replay of 100,000 cases spent minutes filling them). Pairs by code would be
 * many times the members; by the default categories (a few groups each side) they are few.
 */
final class CategoryCells extends ModelCells {

    private static final String KEY = "stage, kind, " + PLACE + ", code, second_code";
    private static final String KEY_ALL_CONTEXTS = "stage, kind, force_code, region, code, second_code";

    CategoryCells(JdbcTemplate jdbc) {
        super(jdbc, "definition_category_cell", false);
    }

    /**
     * Counts read back: the group, the two codes (null: not recorded; a pair's victim may be NO_VICTIM) and members. A
     * group and codes may come more than once; the sink adds them up.
     */
    interface CountSink {
        void add(GroupKey key, String code, String second, long members);
    }

    /**
     * The members of a stage counted by the scope's groups and codes; cells counting no one are skipped. Cells are
     * summed by PostgreSQL only where groups are coarser than the cells: grouped by force and year, each cell is its
     * own group and summing them there cost as much as reading them (measured in docs/benchmarks.md).
     */
    void count(FigureScope scope, Stage stage, CategoryKind kind, CountSink sink) {
        List<Object> arguments = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        CellWindow years = CellWindow.of(scope, CellPeriod.YEAR);
        CellGrouping grouping = new CellGrouping(scope, "reached_on");
        if (kind.stored()) {
            arguments.addAll(List.of(scope.definition().id(), scope.definition().version(), stage.name(),
                    kind.name()));
            String cells = "SELECT " + PLACE_READ + ", period_start AS reached_on, code, second_code, members "
                    + "FROM definition_category_cell "
                    + "WHERE definition_id = ? AND version = ? AND stage = ? AND kind = ? AND members <> 0"
                    + grouping.contextLevel() + years.inside("period_start", arguments);
            parts.add(grouping.keepsCellsApart()
                    ? "SELECT " + grouping.selected() + "code, second_code, members::bigint FROM (" + cells
                    + ") cell WHERE true" + grouping.forceFilter(arguments)
                    : counted(cells, grouping, arguments));
        }
        if (!kind.stored() || !years.isEverything()) {
            arguments.addAll(List.of(scope.definition().id(), scope.definition().version()));
            String members = "SELECT * FROM (" + members(stage, kind) + ") member"
                    + MemberColumns.inRange("reached_on", scope, arguments)
                    + (kind.stored() ? years.outside("reached_on", arguments) : "");
            parts.add(counted(members, grouping, arguments));
        }
        jdbc.query(String.join(" UNION ALL ", parts), (RowCallbackHandler) row -> sink.add(grouping.key(row),
                recorded(row.getString("code")), recorded(row.getString("second_code")), row.getLong("members")),
                arguments.toArray());
    }

    /** Rows of place, {@code reached_on}, codes and members summed by the scope's groups and codes. */
    private static String counted(String rows, CellGrouping grouping, List<Object> arguments) {
        return "SELECT " + grouping.selected() + "code, second_code, sum(members)::bigint AS members FROM (" + rows
                + ") counted WHERE true" + grouping.forceFilter(arguments) + grouping.groupBy("code", "second_code");
    }

    private static String recorded(String code) {
        return code.isEmpty() ? null : code;
    }

    /** One stage's members as rows of place, {@code reached_on}, the two codes and 1. Binds the definition. */
    private static String members(Stage stage, CategoryKind kind) {
        return "SELECT c.force_code, c.region, c.context, " + MemberColumns.stageDate(stage) + " AS reached_on, "
                + kind.codeSql() + " AS code, " + kind.secondSql() + " AS second_code, 1 AS members FROM "
                + MemberColumns.SUSPECTS + (kind.isPair() ? MemberColumns.WITH_VICTIMS : "") + " WHERE "
                + MemberColumns.OF_DEFINITION;
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the members of these cases (of all cases when null) to the cells, each
     * context's and all contexts' ({@link #ALL_CONTEXTS}): one statement for the kinds of suspects alone, which works
     * every stage and kind of every member out once, and one for the pairs, with the victims joined.
     */
    @Override
    void add(Definition definition, List<String> caseRefs, int sign) {
        add(definition, caseRefs, sign, CategoryKind.OF_SUSPECTS, "");
        add(definition, caseRefs, sign, List.of(CategoryKind.PAIR_BEST_GROUP), MemberColumns.WITH_VICTIMS);
    }

    private void add(Definition definition, List<String> caseRefs, int sign, List<CategoryKind> kinds,
                     String joined) {
        String reached = "CROSS JOIN LATERAL (VALUES " + Arrays.stream(Stage.values())
                .map(stage -> "('" + stage.name() + "', " + MemberColumns.stageDate(stage) + ")")
                .collect(Collectors.joining(", ")) + ") reached(stage, reached_on)";
        String counted = "CROSS JOIN LATERAL (VALUES " + kinds.stream()
                .map(kind -> "('" + kind.name() + "', " + kind.codeSql() + ", " + kind.secondSql() + ")")
                .collect(Collectors.joining(", ")) + ") counted(kind, code, second_code)";
        String sql = "INSERT INTO definition_category_cell (definition_id, version, " + KEY + ", period_start, "
                + "members) SELECT ?, ?, stage, kind, " + PLACE_WRITTEN + ", code, second_code, year_start, " + sign
                + " * count(*) FROM (SELECT c.force_code, c.region, c.context, "
                + "reached.stage, counted.kind, counted.code, counted.second_code, "
                + CellPeriod.YEAR.startOf("reached.reached_on") + " AS year_start FROM " + MemberColumns.SUSPECTS
                + joined + " " + reached + " " + counted + " WHERE " + MemberColumns.OF_DEFINITION
                + (caseRefs == null ? "" : " AND c.case_ref = ANY (?)") + " AND reached.reached_on IS NOT NULL) member "
                + "GROUP BY GROUPING SETS ((" + KEY + ", year_start), (" + KEY_ALL_CONTEXTS + ", year_start)) "
                + "ON CONFLICT (definition_id, version, stage, kind, period_start, " + PLACE + ", code, second_code) "
                + "DO UPDATE SET " + addedToKept(List.of("members"));
        addRows(sql, List.of(definition.id(), definition.version()), definition, caseRefs);
    }
}
