package org.casetrail.projections.models;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.core.definition.Definition;
import org.casetrail.projections.figures.CaseloadFigure;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.GroupKey;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A definition's caseload cells ({@code definition_caseload_cell}): its cases' caseload changes summed by place and
 * period, kept by adding and taking away the changes of the cases a batch touched, and read back as the caseload on
 * a date: the year cells before its year, the month cells of its year before its month, the day cells of its month up
 * to it.
 */
final class CaseloadCells extends ModelCells {

    /** The columns of the four numbers, in {@link CaseloadFigure.Measure} order. */
    private static final List<String> MEASURES = List.of("live_cases", "under_investigation", "awaiting_outcome",
            "victims_in_live");

    CaseloadCells(JdbcTemplate jdbc) {
        super(jdbc, "definition_caseload_cell", false);
    }

    CaseloadFigure.Result caseload(FigureScope scope, LocalDate date) {
        LocalDate year = date.withDayOfYear(1);
        LocalDate month = date.withDayOfMonth(1);
        List<Object> arguments = new ArrayList<>(List.of(scope.definition().id(), scope.definition().version(),
                CellPeriod.YEAR.name(), Date.valueOf(year), CellPeriod.MONTH.name(), Date.valueOf(year),
                Date.valueOf(month), CellPeriod.DAY.name(), Date.valueOf(month), Date.valueOf(date)));
        CellGrouping grouping = new CellGrouping(scope, "period_start");
        String where = grouping.forceFilter(arguments);
        String sql = "SELECT " + grouping.selected()
                + sums(MEASURES) + " FROM (SELECT " + PLACE_READ + ", " + String.join(", ", MEASURES)
                + " FROM definition_caseload_cell "
                + "WHERE definition_id = ? AND version = ? AND ((period = ? AND period_start < ?) "
                + "OR (period = ? AND period_start >= ? AND period_start < ?) "
                + "OR (period = ? AND period_start >= ? AND period_start <= ?))) cell WHERE true" + where
                + grouping.groupBy();
        Map<GroupKey, long[]> counts = new HashMap<>();
        jdbc.query(sql, row -> {
            long[] group = new long[MEASURES.size()];
            for (int i = 0; i < group.length; i++) {
                group[i] = row.getLong(MEASURES.get(i));
            }
            // Cells of cases that left, or whose numbers went back to nothing, sum to zero: a group with none of the
            // four is left out.
            if (Arrays.stream(group).anyMatch(count -> count != 0)) {
                counts.put(grouping.key(row), group);
            }
        }, arguments.toArray());
        return CaseloadFigure.result(date, counts);
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the caseload changes of these cases (of all cases when null) to the
     * cells of every period at once (grouping sets).
     */
    @Override
    void add(Definition definition, List<String> caseRefs, int sign) {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < MEASURES.size(); i++) {
            changes.add("c.caseload_change[i][" + (i + 1) + "] AS " + MEASURES.get(i));
        }
        String sql = "INSERT INTO definition_caseload_cell (definition_id, version, period, period_start, " + PLACE
                + ", " + String.join(", ", MEASURES) + ") SELECT ?, ?, CASE WHEN grouping(year_start) = 0 THEN '"
                + CellPeriod.YEAR.name() + "' WHEN grouping(month_start) = 0 THEN '" + CellPeriod.MONTH.name()
                + "' ELSE '" + CellPeriod.DAY.name() + "' END, coalesce(year_start, month_start, changed_on), "
                + PLACE_WRITTEN + ", " + signedSums(MEASURES, sign)
                + " FROM (SELECT c.force_code, c.region, c.context, c.caseload_on[i] AS changed_on, "
                + CellPeriod.YEAR.startOf("c.caseload_on[i]") + " AS year_start, "
                + CellPeriod.MONTH.startOf("c.caseload_on[i]") + " AS month_start, " + String.join(", ", changes)
                + " FROM definition_case_total c, generate_subscripts(c.caseload_on, 1) i "
                + "WHERE c.definition_id = ? AND c.version = ?" + (caseRefs == null ? "" : " AND c.case_ref = ANY (?)")
                + ") change GROUP BY GROUPING SETS ((" + PLACE + ", year_start), (" + PLACE + ", month_start), ("
                + PLACE + ", changed_on)) ON CONFLICT (definition_id, version, period, period_start, " + PLACE
                + ") DO UPDATE SET " + addedToKept(MEASURES);
        addRows(sql, List.of(definition.id(), definition.version()), definition, caseRefs);
    }
}
