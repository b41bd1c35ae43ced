package org.casetrail.projections.models;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.GroupKey;
import org.casetrail.projections.figures.LagsFigure;
import org.casetrail.projections.jdbc.BinaryResults;
import org.casetrail.projections.jdbc.BoundedReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * SEMANTICS 6.4 from a definition's member rows, computed when asked (a live read of the async model): each suspect
 * whose start date is in the range is classed as {@link LagsFigure} classes it, and the members are counted by group,
 * class and time. Any range is answered: the member rows carry every date.
 */
final class LagMembers {

    /**
     * Lags reads at once. Each holds all its members' rows in the driver (about 70 MB at a million cases: a cursor,
     * which would stream them, turns PostgreSQL's parallel query off) and uses two parallel workers; more at once would
     * only share the cores and multiply the memory. One not begun within the wait is refused as busy (503).
     */
    private static final int READS_AT_ONCE = 2;

    private final JdbcTemplate jdbc;
    private final BoundedReads reads = new BoundedReads(READS_AT_ONCE, BoundedReads.WAIT_FOR_A_TURN);

    LagMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    LagsFigure.Result lags(FigureScope scope, LagsFigure.Start start, Stage end, LocalDate censoredOn,
                           boolean curve) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(Date.valueOf(censoredOn));
        arguments.add(scope.definition().id());
        arguments.add(scope.definition().version());
        String range = MemberColumns.inRange("started", scope, arguments);
        CellGrouping grouping = new CellGrouping(scope, "started");
        String where = grouping.forceFilter(arguments);
        // Lags between two stages of the suspect's own (the usual ones) read the suspect rows alone, without a join
        // with the cases (at a million cases the join was a third of the query).
        MemberColumns.Source source = start != LagsFigure.Start.OFFENCE
                && MemberColumns.onSuspectRow(Stage.valueOf(start.name())) && MemberColumns.onSuspectRow(end)
                ? MemberColumns.SUSPECTS_ALONE : MemberColumns.WITH_CASES;
        // The classes of LagsFigure.accept: an end dated on or after the start completes; before it, invalid; an end
        // reached only by implication is undated; else the earliest exit on or after the start competes; else the
        // member is censored on censoredOn. A member's exits are stored sorted, none null (MemberRows), so the
        // earliest on or after the start is nearly always the first, found without a call; first_on_or_after (V19) is
        // parallel safe where a subquery is not. Each member is one row, not counted by PostgreSQL: a day of a group
        // has about 1.4 members at a million cases, and a hash aggregate of them took longer than the scan
        // (docs/benchmarks.md).
        String sql = """
                SELECT %1$s CASE WHEN ended_on IS NOT NULL THEN
                            CASE WHEN ended_on < started THEN %10$d ELSE %11$d END
                        WHEN end_implied THEN %12$d
                        WHEN exit_on IS NOT NULL THEN %13$d ELSE %14$d END AS lag_class,
                    CASE WHEN ended_on IS NOT NULL THEN greatest(ended_on - started, 0)
                        WHEN end_implied THEN 0
                        WHEN exit_on IS NOT NULL THEN exit_on - started ELSE ?::date - started END AS days
                FROM (
                    SELECT %9$s.force_code, %9$s.region, %9$s.context, started, ended_on, end_implied,
                        CASE WHEN ended_on IS NOT NULL OR end_implied THEN NULL
                            WHEN s.exits[1] >= started THEN s.exits[1]
                            WHEN coalesce(s.exits[cardinality(s.exits)] < started, true) THEN NULL
                            ELSE first_on_or_after(s.exits, started) END AS exit_on
                    FROM %7$s
                    CROSS JOIN LATERAL (SELECT %2$s AS started, %3$s AS ended_on, %4$s AS end_implied) lag
                    WHERE %8$s
                ) member%5$s%6$s""".formatted(grouping.selected(), startColumn(start),
                MemberColumns.stageDate(end), MemberColumns.impliedOnly(end), range, where,
                source.from(), source.ofDefinition(), source.place(),
                LagsFigure.LagClass.INVALID.ordinal(), LagsFigure.LagClass.COMPLETED.ordinal(),
                LagsFigure.LagClass.UNDATED.ordinal(), LagsFigure.LagClass.COMPETING.ordinal(),
                LagsFigure.LagClass.CENSORED.ordinal());
        LagsFigure.LagClass[] classes = LagsFigure.LagClass.values();
        // Each group's members by the group's number (CellGrouping.number): one lookup a row, where there were two.
        List<LagsFigure.Members> numbered = new ArrayList<>();
        int classColumn = grouping.columnCount() + 1;
        reads.read(() -> jdbc.query(BinaryResults.statement(sql, arguments.toArray()), (RowCallbackHandler) row -> {
            int number = grouping.number(row);
            if (number == numbered.size()) {
                numbered.add(new LagsFigure.Members());
            }
            numbered.get(number).add(classes[row.getInt(classColumn)], row.getInt(classColumn + 1), 1);
        }));
        List<GroupKey> keys = grouping.keys();
        Map<GroupKey, LagsFigure.Members> groups = new HashMap<>();
        for (int number = 0; number < numbered.size(); number++) {
            groups.put(keys.get(number), numbered.get(number));
        }
        return LagsFigure.result(start, end, censoredOn, curve, groups);
    }

    private static String startColumn(LagsFigure.Start start) {
        return start == LagsFigure.Start.OFFENCE ? "c.offence_from"
                : MemberColumns.stageDate(Stage.valueOf(start.name()));
    }
}
