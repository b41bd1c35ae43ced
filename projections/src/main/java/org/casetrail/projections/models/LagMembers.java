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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SEMANTICS 6.4 from a definition's member rows, computed when asked (a live read of the async model): each suspect
 * whose start date is in the range is classed as {@link LagsFigure} classes it, and the members are counted by group,
 * class and time. Any range is answered: the member rows carry every date.
 */
final class LagMembers {

    private final JdbcTemplate jdbc;

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
        // member is censored on censoredOn. The exit is a lateral join so that it is worked out once per member, not
        // once per mention (a subquery in the select list was evaluated three times).
        String sql = """
                SELECT %1$s lag_class, days, count(*) AS members FROM (
                    SELECT force_code, region, context, started,
                        CASE WHEN ended_on IS NOT NULL THEN
                                CASE WHEN ended_on < started THEN 'INVALID' ELSE 'COMPLETED' END
                            WHEN end_implied THEN 'UNDATED'
                            WHEN exit_on IS NOT NULL THEN 'COMPETING' ELSE 'CENSORED' END AS lag_class,
                        CASE WHEN ended_on IS NOT NULL THEN greatest(ended_on - started, 0)
                            WHEN end_implied THEN 0
                            WHEN exit_on IS NOT NULL THEN exit_on - started ELSE censored_on - started END AS days
                    FROM (
                        SELECT %10$s.force_code, %10$s.region, %10$s.context, started, ended_on, end_implied,
                            ?::date AS censored_on, exit_on
                        FROM %8$s
                        CROSS JOIN LATERAL (SELECT %2$s AS started, %3$s AS ended_on, %4$s AS end_implied) lag
                        LEFT JOIN LATERAL (SELECT min(e) AS exit_on FROM unnest(s.exits) e
                            WHERE ended_on IS NULL AND NOT end_implied AND e >= started) exit ON true
                        WHERE %9$s
                    ) member%5$s
                ) classified WHERE true%6$s%7$s""".formatted(grouping.selected(), startColumn(start),
                MemberColumns.stageDate(end), MemberColumns.impliedOnly(end), range, where,
                grouping.groupBy("lag_class", "days"), source.from(), source.ofDefinition(), source.place());
        Map<GroupKey, LagsFigure.Members> groups = new HashMap<>();
        jdbc.query(sql, row -> {
            groups.computeIfAbsent(grouping.key(row), key -> new LagsFigure.Members()).add(
                    LagsFigure.LagClass.valueOf(row.getString("lag_class")), row.getLong("days"),
                    row.getLong("members"));
        }, arguments.toArray());
        return LagsFigure.result(start, end, censoredOn, curve, groups);
    }

    private static String startColumn(LagsFigure.Start start) {
        return start == LagsFigure.Start.OFFENCE ? "c.offence_from"
                : MemberColumns.stageDate(Stage.valueOf(start.name()));
    }
}
