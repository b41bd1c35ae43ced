package org.casetrail.projections.models;

import java.sql.PreparedStatement;
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
import org.casetrail.projections.figures.GroupKey;
import org.casetrail.projections.figures.NationalityFigure;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SEMANTICS 6.6 from a definition's model: the suspects who reached a stage directly, counted by the codes their
 * identification records (and paired with their case's victims) in cells per stage, place and period of the stage
 * date. A figure reads the cells of its stage and turns codes into categories with the figure's own functions, so the
 * model and the effective view cannot disagree on what a code means. Only ranges of whole months are answered here.
 */
final class CategoryCells {

    /** What a cell counts; see V12__category_cells.sql. */
    private enum Measure { SELF, OFFICER, BEST, RECORDING, NATIONALITY, PAIRS_SELF, PAIRS_OFFICER, PAIRS_BEST }

    /** A suspect of a case with no victim pairs with this victim category. */
    private static final String NO_VICTIM = "-";

    private static final String KEY = "definition_id, version, measure, stage, period, period_start, force_code, "
            + "region, context, suspect_category, victim_category";

    private final JdbcTemplate jdbc;

    CategoryCells(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EthnicityFigure.Result> ethnicity(FigureScope scope, Stage stage, EthnicityScheme scheme,
                                               EthnicityScheme.Level level) {
        Map<GroupKey, Map<String, Long>> suspects = new HashMap<>();
        Map<GroupKey, Map<List<String>, Long>> pairs = new HashMap<>();
        Map<GroupKey, long[]> completeness = new HashMap<>();
        Measure bySuspect = Measure.valueOf(scheme.name());
        Measure byPair = Measure.valueOf("PAIRS_" + scheme.name());
        boolean answered = read(scope, stage, List.of(bySuspect, byPair, Measure.RECORDING), (key, cell) -> {
            if (cell.measure == bySuspect) {
                suspects.computeIfAbsent(key, k -> new HashMap<>())
                        .merge(EthnicityScheme.categoryOfCode(cell.suspectCode(), level), cell.members, Long::sum);
            } else if (cell.measure == byPair) {
                String victim = NO_VICTIM.equals(cell.victimCategory) ? EthnicityFigure.NO_VICTIM
                        : EthnicityScheme.categoryOfCode(cell.victimCode(), level);
                pairs.computeIfAbsent(key, k -> new HashMap<>()).merge(
                        List.of(EthnicityScheme.categoryOfCode(cell.suspectCode(), level), victim), cell.members,
                        Long::sum);
            } else {
                completeness.computeIfAbsent(key, k -> new long[EthnicityScheme.Recording.values().length])
                        [EthnicityScheme.Recording.valueOf(cell.suspectCategory).ordinal()] += cell.members;
            }
        });
        return answered ? Optional.of(EthnicityFigure.result(stage, scheme, level, suspects, pairs, completeness))
                : Optional.empty();
    }

    Optional<NationalityFigure.Result> nationality(FigureScope scope, Stage stage, EthnicityScheme.Level level) {
        Map<GroupKey, Map<String, Long>> counts = new HashMap<>();
        boolean answered = read(scope, stage, List.of(Measure.NATIONALITY), (key, cell) -> counts
                .computeIfAbsent(key, k -> new HashMap<>())
                .merge(NationalityFigure.categoryOfCode(cell.suspectCode(), level), cell.members, Long::sum));
        return answered ? Optional.of(NationalityFigure.result(stage, level, counts)) : Optional.empty();
    }

    private record Cell(Measure measure, String suspectCategory, String victimCategory, long members) {

        String suspectCode() {
            return suspectCategory.isEmpty() ? null : suspectCategory;
        }

        String victimCode() {
            return victimCategory.isEmpty() ? null : victimCategory;
        }
    }

    private interface CellSink {
        void add(GroupKey key, Cell cell);
    }

    /**
     * Hands every non-empty cell sum of these measures at the stage, grouped as the scope asks, to the sink; false
     * (and nothing handed) when the scope's range is not made of whole months.
     */
    private boolean read(FigureScope scope, Stage stage, List<Measure> measures, CellSink sink) {
        if (!CellWindow.coversWholePeriods(scope, CellPeriod.MONTH)) {
            return false;
        }
        Definition definition = scope.definition();
        CellWindow years = CellWindow.of(scope, CellPeriod.YEAR);
        CellWindow months = CellWindow.of(scope, CellPeriod.MONTH);
        List<Object> arguments = new ArrayList<>();
        String cells = "SELECT nullif(force_code, '') AS force_code, nullif(region, '') AS region, context, "
                + "period_start, measure, suspect_category, victim_category, members FROM definition_category_cell "
                + "WHERE definition_id = ? AND version = ? AND stage = ? AND measure IN ("
                + String.join(", ", measures.stream().map(m -> "?").toList()) + ") AND period = ?";
        List<String> parts = new ArrayList<>();
        for (CellPeriod period : CellPeriod.values()) {
            if (period == CellPeriod.MONTH && years.isEverything()) {
                break;
            }
            arguments.addAll(List.of(definition.id(), definition.version(), stage.name()));
            measures.forEach(measure -> arguments.add(measure.name()));
            arguments.add(period.name());
            parts.add(period == CellPeriod.YEAR ? cells + years.inside("period_start", arguments)
                    : cells + months.inside("period_start", arguments) + years.outside("period_start", arguments));
        }
        CellGrouping grouping = new CellGrouping(scope, "period_start");
        String where = grouping.forceFilter(arguments);
        String sql = "SELECT " + grouping.selected() + "measure, suspect_category, victim_category, "
                + "sum(members)::bigint AS members FROM (" + String.join(" UNION ALL ", parts) + ") cells" + where
                + grouping.groupBy("measure", "suspect_category", "victim_category");
        jdbc.query(sql, row -> {
            long members = row.getLong("members");
            if (members != 0) {
                sink.add(grouping.key(row), new Cell(Measure.valueOf(row.getString("measure")),
                        row.getString("suspect_category"), row.getString("victim_category"), members));
            }
        }, arguments.toArray());
        return true;
    }

    void clear(Definition definition) {
        for (String table : List.of("definition_category_cell", "definition_victim")) {
            jdbc.update("DELETE FROM " + table + " WHERE definition_id = ? AND version = ?", definition.id(),
                    definition.version());
        }
    }

    /** Fills the cells from the whole model (a replay does this once, after its bulk pass). */
    void build(Definition definition) {
        jdbc.update("DELETE FROM definition_category_cell WHERE definition_id = ? AND version = ?", definition.id(),
                definition.version());
        addToCells(definition, null, 1);
    }

    void deleteVictims(Definition definition, List<String> caseRefs) {
        jdbc.update(connection -> {
            PreparedStatement statement = ArrayParameter.prepare(connection, "DELETE FROM definition_victim "
                    + "WHERE definition_id = ? AND version = ? AND case_ref = ANY (?)", 3, "varchar", caseRefs);
            statement.setString(1, definition.id());
            statement.setInt(2, definition.version());
            return statement;
        });
    }

    /** The reached stages of each suspect row as (stage, reached_on), one row per stage reached directly. */
    private static final String REACHED = """
            CROSS JOIN LATERAL (VALUES ('RECORDED', c.opened_on), ('ARRESTED', s.arrested_on),
                ('CHARGED', s.charged_on), ('PROSECUTED', s.prosecuted_on), ('CONVICTED', s.convicted_on))
                AS reached (stage, reached_on)""";

    /** The suspect measures of each suspect row as (measure, suspect_category, victim_category). */
    private static final String SUSPECT_MEASURES = """
            SELECT c.force_code, c.region, c.context, reached.stage, reached.reached_on, measured.*
            FROM definition_case c JOIN definition_suspect s ON s.definition_id = c.definition_id
                AND s.version = c.version AND s.case_ref = c.case_ref
            CROSS JOIN LATERAL (VALUES ('SELF', s.self_ethnicity, ''), ('OFFICER', s.officer_ethnicity, ''),
                ('BEST', s.best_ethnicity, ''), ('RECORDING', s.recording, ''), ('NATIONALITY', s.nationality, ''))
                AS measured (measure, suspect_category, victim_category)
            """ + REACHED;

    /** The pair measures of each (suspect, victim or none) row. */
    private static final String PAIR_MEASURES = """
            SELECT c.force_code, c.region, c.context, reached.stage, reached.reached_on, measured.*
            FROM definition_case c JOIN definition_suspect s ON s.definition_id = c.definition_id
                AND s.version = c.version AND s.case_ref = c.case_ref
            LEFT JOIN definition_victim v ON v.definition_id = c.definition_id AND v.version = c.version
                AND v.case_ref = c.case_ref
            CROSS JOIN LATERAL (VALUES
                ('PAIRS_SELF', s.self_ethnicity, CASE WHEN v.victim_ref IS NULL THEN '-' ELSE v.self_ethnicity END),
                ('PAIRS_OFFICER', s.officer_ethnicity,
                    CASE WHEN v.victim_ref IS NULL THEN '-' ELSE v.officer_ethnicity END),
                ('PAIRS_BEST', s.best_ethnicity, CASE WHEN v.victim_ref IS NULL THEN '-' ELSE v.best_ethnicity END))
                AS measured (measure, suspect_category, victim_category)
            """ + REACHED;

    /**
     * Adds ({@code sign} 1) or takes away (-1) the suspects of these cases (of all cases when null) to the cells of
     * both periods at once (grouping sets).
     */
    void addToCells(Definition definition, List<String> caseRefs, int sign) {
        for (String rows : List.of(SUSPECT_MEASURES, PAIR_MEASURES)) {
            String sql = "INSERT INTO definition_category_cell (" + KEY + ", members) "
                    + "SELECT ?, ?, measure, stage, CASE WHEN grouping(year_start) = 0 THEN '" + CellPeriod.YEAR.name()
                    + "' ELSE '" + CellPeriod.MONTH.name() + "' END, coalesce(year_start, month_start), force_code, "
                    + "region, context, suspect_category, victim_category, " + sign + " * count(*) FROM ("
                    + "SELECT measure, stage, date_trunc('year', reached_on)::date AS year_start, "
                    + "date_trunc('month', reached_on)::date AS month_start, coalesce(force_code, '') AS force_code, "
                    + "coalesce(region, '') AS region, context, coalesce(suspect_category, '') AS suspect_category, "
                    + "coalesce(victim_category, '') AS victim_category FROM (" + rows
                    + " WHERE c.definition_id = ? AND c.version = ? AND reached.reached_on IS NOT NULL"
                    + (caseRefs == null ? "" : " AND c.case_ref = ANY (?)") + ") measured) dated "
                    + "GROUP BY GROUPING SETS ((measure, stage, force_code, region, context, suspect_category, "
                    + "victim_category, year_start), (measure, stage, force_code, region, context, suspect_category, "
                    + "victim_category, month_start)) "
                    + "ON CONFLICT (" + KEY + ") DO UPDATE SET members = definition_category_cell.members "
                    + "+ EXCLUDED.members";
            jdbc.update(connection -> {
                PreparedStatement statement = caseRefs == null ? connection.prepareStatement(sql)
                        : ArrayParameter.prepare(connection, sql, 5, "varchar", caseRefs);
                statement.setString(1, definition.id());
                statement.setInt(2, definition.version());
                statement.setString(3, definition.id());
                statement.setInt(4, definition.version());
                return statement;
            });
        }
    }
}
