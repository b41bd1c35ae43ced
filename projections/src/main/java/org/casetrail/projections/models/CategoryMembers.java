package org.casetrail.projections.models;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.EthnicityFigure;
import org.casetrail.projections.figures.EthnicityScheme;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.GroupKey;
import org.casetrail.projections.figures.NationalityFigure;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SEMANTICS 6.6 from a definition's member rows, computed when asked (a live read of the async model): the suspects
 * who reached a stage directly with its date in the range, counted by the codes their identification records (and
 * paired with their case's victims). Codes become categories with the figures' own functions, so the model and the
 * effective view cannot disagree on what a code means.
 */
final class CategoryMembers {

    /** A suspect of a case with no victim pairs with this victim code (a code not recorded is NULL). */
    private static final String NO_VICTIM = "-";

    private final JdbcTemplate jdbc;

    CategoryMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole answer: suspects, pairs and completeness; without {@code withPairs}, the pairs are left empty. */
    EthnicityFigure.Result ethnicity(FigureScope scope, Stage stage, EthnicityScheme scheme,
                                     EthnicityScheme.Level level, boolean withPairs) {
        String code = scheme.name().toLowerCase() + "_ethnicity";
        Map<GroupKey, Map<String, Long>> suspects = new HashMap<>();
        Map<GroupKey, long[]> completeness = new HashMap<>();
        count(scope, stage, "s." + code + " AS code, s.recording", "", "code, recording", (key, row) -> {
            long members = row.getLong("members");
            suspects.computeIfAbsent(key, k -> new HashMap<>())
                    .merge(EthnicityScheme.categoryOfCode(row.getString("code"), level), members, Long::sum);
            completeness.computeIfAbsent(key, k -> new long[EthnicityScheme.Recording.values().length])
                    [EthnicityScheme.Recording.valueOf(row.getString("recording")).ordinal()] += members;
        });
        Map<GroupKey, Map<List<String>, Long>> pairs = new HashMap<>();
        if (!withPairs) {
            return EthnicityFigure.result(stage, scheme, level, suspects, pairs, completeness);
        }
        count(scope, stage, "s." + code + " AS code, CASE WHEN v.victim_ref IS NULL THEN '" + NO_VICTIM
                        + "' ELSE v." + code + " END AS victim_code",
                " LEFT JOIN definition_victim v ON v.definition_id = c.definition_id AND v.version = c.version "
                        + "AND v.case_ref = c.case_ref", "code, victim_code", (key, row) -> {
                    String victimCode = row.getString("victim_code");
                    String victim = NO_VICTIM.equals(victimCode) ? EthnicityFigure.NO_VICTIM
                            : EthnicityScheme.categoryOfCode(victimCode, level);
                    pairs.computeIfAbsent(key, k -> new HashMap<>()).merge(List.of(
                            EthnicityScheme.categoryOfCode(row.getString("code"), level), victim),
                            row.getLong("members"), Long::sum);
                });
        return EthnicityFigure.result(stage, scheme, level, suspects, pairs, completeness);
    }

    NationalityFigure.Result nationality(FigureScope scope, Stage stage, EthnicityScheme.Level level) {
        Map<GroupKey, Map<String, Long>> counts = new HashMap<>();
        count(scope, stage, "s.nationality AS code", "", "code", (key, row) -> counts
                .computeIfAbsent(key, k -> new HashMap<>())
                .merge(NationalityFigure.categoryOfCode(row.getString("code"), level),
                        row.getLong("members"), Long::sum));
        return NationalityFigure.result(stage, level, counts);
    }

    private interface RowSink {
        void add(GroupKey key, ResultSet row) throws SQLException;
    }

    /**
     * Counts the suspects (or rows of {@code join}) who reached the stage in range, by the scope's groups and the
     * {@code counted} columns.
     */
    private void count(FigureScope scope, Stage stage, String counted, String join, String countedBy,
                       RowSink sink) {
        List<Object> arguments = new ArrayList<>(List.of(scope.definition().id(), scope.definition().version()));
        String range = MemberColumns.inRange("reached_on", scope, arguments);
        CellGrouping grouping = new CellGrouping(scope, "reached_on");
        String where = grouping.forceFilter(arguments);
        String sql = """
                SELECT %1$s %2$s, count(*) AS members FROM (
                    SELECT c.force_code, c.region, c.context, %3$s AS reached_on, %4$s
                    FROM %5$s%6$s WHERE %7$s
                ) member%8$s%9$s%10$s""".formatted(grouping.selected(), countedBy, MemberColumns.stageDate(stage),
                counted, MemberColumns.SUSPECTS, join, MemberColumns.OF_DEFINITION, range,
                where, grouping.groupBy(countedBy.split(", ")));
        jdbc.query(sql, row -> {
            sink.add(grouping.key(row), row);
        }, arguments.toArray());
    }
}
