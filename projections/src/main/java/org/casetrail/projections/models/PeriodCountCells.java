package org.casetrail.projections.models;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.casetrail.core.definition.Definition;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.figures.Dimension;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.FunnelFigure;
import org.casetrail.projections.figures.GroupKey;
import org.casetrail.projections.figures.PeriodCountsFigure;
import org.casetrail.projections.figures.StageReading;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A definition's period-count cells ({@code definition_period_cell}). Period counts count distinct members, which do
 * not add up across periods but do across cases (a member belongs to one case): so each case's counts per whole
 * period (each year, and all years) are worked out by the figure itself over that case alone, kept with the case,
 * and summed by place into the cells. A figure over all years, or by year over whole years, reads the cells.
 */
final class PeriodCountCells extends ModelCells {

    /** The units in the order {@code period_counts} numbers them. */
    private static final List<FunnelFigure.Unit> UNITS = List.of(FunnelFigure.Unit.SUSPECT, FunnelFigure.Unit.CASE,
            FunnelFigure.Unit.VICTIM);
    /** The year of the counts over all years. */
    private static final int ALL_YEARS = 0;
    private static final List<String> COUNTED = Arrays.stream(PeriodCountsFigure.Counted.values())
            .map(counted -> counted.name().toLowerCase()).toList();

    PeriodCountCells(JdbcTemplate jdbc) {
        super(jdbc, "definition_period_cell", true);
    }

    /**
     * What one qualifying case adds to the counts: a row per unit and year of its events (and {@link #ALL_YEARS}),
     * the unit's number and the year first, then its counts in {@link PeriodCountsFigure.Counted} order. A member
     * counts once in each year it has a counted event in, and once over all years.
     */
    static List<long[]> ofCase(StageReading reading, EffectiveCase c) {
        List<long[]> rows = new ArrayList<>();
        PeriodCountsFigure.yearsOfCase(c, reading).forEach((unit, counted) -> {
            Map<Integer, long[]> byYear = new TreeMap<>();
            counted.forEach((type, members) -> members.values().forEach(years -> {
                byYear.computeIfAbsent(ALL_YEARS, year -> row(unit, year))[2 + type.ordinal()]++;
                years.forEach(year -> byYear.computeIfAbsent(year, y -> row(unit, y))[2 + type.ordinal()]++);
            }));
            rows.addAll(byYear.values());
        });
        return rows;
    }

    private static long[] row(FunnelFigure.Unit unit, int year) {
        long[] row = new long[2 + COUNTED.size()];
        row[0] = UNITS.indexOf(unit);
        row[1] = year;
        return row;
    }

    /** The counts from the cells, when the scope's window is all years, or whole years grouped by year. */
    Optional<PeriodCountsFigure.Result> counts(FigureScope scope, FunnelFigure.Unit unit) {
        boolean byYear = scope.groupBy().contains(Dimension.YEAR);
        boolean wholeYears = (scope.from() == null || MonthDay.from(scope.from()).equals(MonthDay.of(1, 1)))
                && (scope.to() == null || MonthDay.from(scope.to()).equals(MonthDay.of(12, 31)));
        if (!(scope.from() == null && scope.to() == null) && !(byYear && wholeYears)) {
            return Optional.empty();
        }
        List<Object> arguments = new ArrayList<>(List.of(scope.definition().id(), scope.definition().version(),
                unit.name()));
        StringBuilder years = new StringBuilder(byYear ? " AND year <> ?" : " AND year = ?");
        arguments.add(ALL_YEARS);
        if (scope.from() != null) {
            years.append(" AND year >= ?");
            arguments.add(scope.from().getYear());
        }
        if (scope.to() != null) {
            years.append(" AND year <= ?");
            arguments.add(scope.to().getYear());
        }
        CellGrouping grouping = new CellGrouping(scope, "make_date(year, 1, 1)");
        String where = grouping.forceFilter(arguments);
        String sql = "SELECT " + grouping.selected()
                + sums(COUNTED) + " FROM (SELECT " + PLACE_READ + ", year, "
                + String.join(", ", COUNTED) + " FROM definition_period_cell WHERE definition_id = ? AND version = ? "
                + "AND unit = ?" + years + ") cell WHERE true" + where + grouping.groupBy();
        Map<GroupKey, long[]> counts = new HashMap<>();
        jdbc.query(sql, row -> {
            long[] group = new long[COUNTED.size()];
            for (int i = 0; i < group.length; i++) {
                group[i] = row.getLong(COUNTED.get(i));
            }
            counts.put(grouping.key(row), group);
        }, arguments.toArray());
        return Optional.of(PeriodCountsFigure.result(unit, counts));
    }

    /** Adds ({@code sign} 1) or takes away (-1) what these cases (all cases when null) add to the cells. */
    @Override
    void add(Definition definition, List<String> caseRefs, int sign) {
        StringBuilder unit = new StringBuilder("CASE c.period_counts[i][1]");
        for (int i = 0; i < UNITS.size(); i++) {
            unit.append(" WHEN ").append(i).append(" THEN '").append(UNITS.get(i).name()).append("'");
        }
        unit.append(" END");
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < COUNTED.size(); i++) {
            counts.add("c.period_counts[i][" + (i + 3) + "] AS " + COUNTED.get(i));
        }
        String sql = "INSERT INTO definition_period_cell (definition_id, version, unit, year, " + PLACE + ", "
                + String.join(", ", COUNTED) + ") SELECT ?, ?, unit, year, " + PLACE_WRITTEN + ", "
                + signedSums(COUNTED, sign)
                + " FROM (SELECT c.force_code, c.region, c.context, " + unit + " AS unit, c.period_counts[i][2] AS year, "
                + String.join(", ", counts) + " FROM definition_case_total c, generate_subscripts(c.period_counts, 1) i "
                + "WHERE c.definition_id = ? AND c.version = ?" + (caseRefs == null ? "" : " AND c.case_ref = ANY (?)")
                + ") counted GROUP BY unit, year, " + PLACE + " ON CONFLICT (definition_id, version, unit, year, "
                + PLACE + ") DO UPDATE SET " + addedToKept(COUNTED);
        addRows(sql, List.of(definition.id(), definition.version()), definition, caseRefs);
    }
}
