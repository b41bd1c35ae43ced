package org.casetrail.api.replays;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.importing.ImportProgress;
import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.importing.ImportService;
import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.OwnDatabase;
import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.figures.CaseFigure;
import org.casetrail.projections.figures.CaseloadFigure;
import org.casetrail.projections.figures.CellTracer;
import org.casetrail.projections.figures.ColdCasesFigure;
import org.casetrail.projections.figures.Dimension;
import org.casetrail.projections.figures.EthnicityFigure;
import org.casetrail.projections.figures.EthnicityScheme;
import org.casetrail.projections.figures.FigureEngine;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.FunnelFigure;
import org.casetrail.projections.figures.LagsFigure;
import org.casetrail.projections.figures.NationalityFigure;
import org.casetrail.projections.figures.PeriodCountsFigure;
import org.casetrail.projections.models.DefinitionModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Replays on a database of their own, in small throttled batches so that one can be stopped half way. */
@IntegrationTest
@OwnDatabase("replays")
@TestPropertySource(properties = {"casetrail.replay.cases-per-batch=20",
        "casetrail.replay.throttle-millis=150"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;
    @Autowired
    ImportService imports;
    @Autowired
    ReplayService replays;
    @Autowired
    DefinitionCatalog definitions;
    @Autowired
    DefinitionModels models;
    @Autowired
    FigureEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void importHistory() {
        CsvFiles.Generated history = CsvFiles.synthetic(3, 400, "R");
        assertThat(imports.importCsv("REPLAY", history.file(), ImportProgress.NONE).applied()).isTrue();
    }

    /** Whatever a test stopped goes on, so that one test's stop never holds up the next. */
    @AfterEach
    void resumeWhatWasStopped() {
        replays.resumeInterrupted();
    }

    private Definition register(String id, int version, Definition.Rules rules) {
        Definition definition = new Definition(id, version, id, "replay test", rules);
        definitions.register(definition);
        return definition;
    }

    private Map<String, Object> progress(UUID id) {
        return http.exchange("/api/v1/replays/" + id, HttpMethod.GET, null, JSON).getBody();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(25);
        }
    }

    private UUID startOverHttp(Definition definition) {
        ResponseEntity<Map<String, Object>> started = http.exchange("/api/v1/definitions/" + definition.id()
                + "/versions/" + definition.version() + "/replays", HttpMethod.POST, null, JSON);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).isNotNull();
        return UUID.fromString((String) started.getBody().get("replayId"));
    }

    /** Every figure computed by the engine in one pass over the ledger, known by {@code asOf} (null: all). */
    private void computeAll(LocalDate asOf, Collection<? extends CaseFigure<?>> figures) {
        engine.compute(asOf, null, new CaseFigure<Void>() {
            @Override
            public void accept(EffectiveCase c) {
                figures.forEach(figure -> figure.accept(c));
            }

            @Override
            public Void result() {
                return null;
            }
        });
    }

    /** The model's funnel against the engine's, for every way of asking it. */
    private void assertModelAgreesWithEngine(Definition definition) {
        int nonEmpty = 0;
        List<List<Dimension>> groupings = List.of(List.of(), List.of(Dimension.FORCE, Dimension.YEAR),
                List.of(Dimension.REGION, Dimension.CONTEXT));
        // Whole years and whole months come from the funnel cells, partial months at the bounds from the members:
        // ranges of every combination.
        List<LocalDate[]> ranges = List.of(new LocalDate[]{null, null},
                new LocalDate[]{LocalDate.of(2010, 1, 1), LocalDate.of(2019, 12, 31)},
                new LocalDate[]{LocalDate.of(2012, 3, 15), LocalDate.of(2018, 7, 20)},
                new LocalDate[]{null, LocalDate.of(2016, 2, 10)},
                new LocalDate[]{LocalDate.of(2013, 5, 5), null},
                new LocalDate[]{LocalDate.of(2015, 6, 3), LocalDate.of(2015, 6, 20)},
                new LocalDate[]{LocalDate.of(2014, 2, 1), LocalDate.of(2014, 11, 30)});
        for (Stage entry : List.of(Stage.RECORDED, Stage.ARRESTED)) {
            for (FunnelFigure.Unit unit : FunnelFigure.Unit.values()) {
                for (List<Dimension> groupBy : groupings) {
                    for (LocalDate[] range : ranges) {
                        for (Set<String> forces : List.of(Set.<String>of(), Set.of("E23000005", "E23000001"))) {
                            FigureScope scope = new FigureScope(definition, range[0], range[1], forces, groupBy);
                            FunnelFigure.Result fromEngine = engine.compute(null, null,
                                    new FunnelFigure(scope, entry, unit)).result();
                            assertThat(models.funnel(scope, entry, unit))
                                    .as("%s %s %s %s %s", entry, unit, groupBy, range[0], forces)
                                    .isEqualTo(fromEngine);
                            nonEmpty += fromEngine.groups().isEmpty() ? 0 : 1;
                        }
                    }
                }
            }
        }
        assertThat(nonEmpty).as("combinations with members").isGreaterThan(80);
    }

    /**
     * A funnel at an earlier cut (a knowledge date, a position, both), answered from the model for the cases unchanged
     * since and from the ledger for the rest, against the engine's over the ledger alone: cuts before any event,
     * within the history, just before the amendments were known, and positions across the store.
     */
    private void assertEarlierCutsAgreeWithEngine(Definition definition, long head) {
        List<String[]> cuts = new ArrayList<>();
        for (String asOf : List.of("2009-01-01", "2012-06-30", "2015-01-01", "2018-03-15", "2021-12-31",
                "2025-05-31")) {
            cuts.add(new String[]{asOf, null});
        }
        for (long position : List.of(1L, head / 4, head / 2, head * 3 / 4, head - 1)) {
            cuts.add(new String[]{null, String.valueOf(position)});
        }
        cuts.add(new String[]{"2016-06-30", String.valueOf(head * 2 / 3)});
        int nonEmpty = 0;
        for (String[] cut : cuts) {
            LocalDate asOf = cut[0] == null ? null : LocalDate.parse(cut[0]);
            Long position = cut[1] == null ? null : Long.valueOf(cut[1]);
            for (Stage entry : List.of(Stage.RECORDED, Stage.ARRESTED)) {
                for (FunnelFigure.Unit unit : FunnelFigure.Unit.values()) {
                    for (boolean grouped : List.of(true, false)) {
                        FigureScope scope = grouped
                                ? new FigureScope(definition, null, null, Set.of(), List.of(Dimension.FORCE,
                                Dimension.YEAR))
                                : new FigureScope(definition, LocalDate.of(2012, 3, 15), LocalDate.of(2018, 7, 20),
                                Set.of("E23000005", "E23000001"), List.of());
                        String query = "/api/v1/funnel?definition=" + definition.reference() + "&entry=" + entry
                                + "&unit=" + unit.name().toLowerCase()
                                + (grouped ? "&groupBy=force,year" : "&from=2012-03-15&to=2018-07-20"
                                + "&force=E23000005,E23000001")
                                + (asOf == null ? "" : "&asOf=" + asOf) + (position == null ? "" : "&position="
                                + position);
                        Map<String, Object> answer = http.exchange(query, HttpMethod.GET, null, JSON).getBody();
                        FunnelFigure.Result fromEngine = engine.compute(asOf, position,
                                new FunnelFigure(scope, entry, unit)).result();
                        assertThat(answer).as(query).containsEntry("computedFrom", "model and ledger");
                        assertThat(counts(answer)).as(query).isEqualTo(counts(fromEngine));
                        nonEmpty += fromEngine.groups().isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        assertThat(nonEmpty).as("cuts with members").isGreaterThan(40);

        // A latest event missing from ledger_case (written by a writer older than it) is not trusted: the ledger
        // answers, and the model again once the bounds are whole.
        String latest = jdbc.queryForObject("SELECT case_ref FROM ledger_row ORDER BY position DESC LIMIT 1",
                String.class);
        String asked = "/api/v1/funnel?definition=" + definition.reference() + "&asOf=2018-03-15";
        jdbc.update("DELETE FROM ledger_case WHERE case_ref = ?", latest);
        assertThat(http.exchange(asked, HttpMethod.GET, null, JSON).getBody()).containsEntry("computedFrom", "ledger");
        jdbc.update("INSERT INTO ledger_case SELECT case_ref, min(reported_on), max(reported_on), min(position), "
                + "max(position) FROM ledger_row WHERE case_ref = ? GROUP BY case_ref", latest);
        assertThat(http.exchange(asked, HttpMethod.GET, null, JSON).getBody())
                .containsEntry("computedFrom", "model and ledger");
    }

    /** A funnel answer's counts, one line per group and stage. */
    @SuppressWarnings("unchecked")
    private static List<String> counts(Map<String, Object> answer) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) answer.get("groups")) {
            for (Map<String, Object> stage : (List<Map<String, Object>>) group.get("stages")) {
                lines.add(group.get("key") + " " + stage.get("stage") + " " + stage.get("count") + " "
                        + stage.get("implied"));
            }
        }
        return lines;
    }

    private static List<String> counts(FunnelFigure.Result result) {
        List<String> lines = new ArrayList<>();
        for (FunnelFigure.Group group : result.groups()) {
            for (FunnelFigure.StageCount stage : group.stages()) {
                lines.add(group.key().values() + " " + stage.stage() + " " + stage.count() + " " + stage.implied());
            }
        }
        return lines;
    }

    /**
     * The model's ethnicity (with its completeness) and nationality against the engine's, for every stage, scheme and
     * level, over ranges read from year cells, month cells and member rows: whole years, open and partial ends, part
     * of one month and whole months within one year.
     */
    private void assertCategoriesAgreeWithEngine(Definition definition) {
        List<List<Dimension>> groupings = List.of(List.of(), List.of(Dimension.FORCE, Dimension.YEAR),
                List.of(Dimension.REGION, Dimension.CONTEXT));
        List<LocalDate[]> ranges = List.of(new LocalDate[]{null, null},
                new LocalDate[]{LocalDate.of(2010, 1, 1), LocalDate.of(2019, 12, 31)},
                new LocalDate[]{LocalDate.of(2012, 3, 15), LocalDate.of(2018, 7, 20)},
                new LocalDate[]{null, LocalDate.of(2016, 2, 10)},
                new LocalDate[]{LocalDate.of(2015, 6, 3), LocalDate.of(2015, 6, 20)},
                new LocalDate[]{LocalDate.of(2014, 2, 1), LocalDate.of(2014, 11, 30)});
        // Every combination is computed by the engine in one pass over the ledger, then read from the model.
        Map<String, EthnicityFigure> ethnicity = new LinkedHashMap<>();
        Map<String, NationalityFigure> nationality = new LinkedHashMap<>();
        Map<String, FigureScope> scopes = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            for (List<Dimension> groupBy : groupings) {
                for (LocalDate[] range : ranges) {
                    for (Set<String> forces : List.of(Set.<String>of(), Set.of("E23000005", "E23000001"))) {
                        FigureScope scope = new FigureScope(definition, range[0], range[1], forces, groupBy);
                        for (EthnicityScheme.Level level : EthnicityScheme.Level.values()) {
                            String asked = String.join(" ", stage.name(), level.name(), groupBy.toString(),
                                    String.valueOf(range[0]), String.valueOf(range[1]), forces.toString());
                            scopes.put(asked, scope);
                            nationality.put(asked, new NationalityFigure(scope, stage, level, CellTracer.NONE));
                            for (EthnicityScheme scheme : EthnicityScheme.values()) {
                                ethnicity.put(asked + " " + scheme, new EthnicityFigure(scope, stage, scheme, level));
                            }
                        }
                    }
                }
            }
        }
        List<CaseFigure<?>> figures = new ArrayList<>(ethnicity.values());
        figures.addAll(nationality.values());
        computeAll(null, figures);
        int nonEmpty = 0;
        for (Map.Entry<String, EthnicityFigure> asked : ethnicity.entrySet()) {
            EthnicityFigure.Result fromEngine = asked.getValue().result();
            assertThat(models.ethnicity(scopes.get(asked.getKey().substring(0, asked.getKey().lastIndexOf(' '))),
                    fromEngine.stage(), fromEngine.scheme(), fromEngine.level()))
                    .as("ethnicity %s", asked.getKey()).isEqualTo(fromEngine);
            nonEmpty += fromEngine.groups().isEmpty() ? 0 : 1;
            if (fromEngine.scheme() == EthnicityScheme.BEST && fromEngine.level() == EthnicityScheme.Level.GROUP) {
                FigureScope scope = scopes.get(asked.getKey().substring(0, asked.getKey().lastIndexOf(' ')));
                assertThat(models.completeness(scope, fromEngine.stage()).completeness())
                        .as("completeness %s", asked.getKey()).isEqualTo(fromEngine.completeness());
            }
        }
        for (Map.Entry<String, NationalityFigure> asked : nationality.entrySet()) {
            NationalityFigure.Result fromEngine = asked.getValue().result();
            assertThat(models.nationality(scopes.get(asked.getKey()), fromEngine.stage(), fromEngine.level()))
                    .as("nationality %s", asked.getKey()).isEqualTo(fromEngine);
        }
        assertThat(nonEmpty).as("combinations with members").isGreaterThan(300);
    }

    /**
     * The model's caseload against the engine's on dates before any case, on the first and last day of a year and a
     * month, a leap day, within the history, today and far ahead, by each grouping and force filter.
     */
    private void assertCaseloadAgreesWithEngine(Definition definition) {
        List<LocalDate> dates = List.of(LocalDate.of(2000, 1, 1), LocalDate.of(2012, 3, 15), LocalDate.of(2016, 1, 1),
                LocalDate.of(2016, 2, 29), LocalDate.of(2018, 12, 31), LocalDate.of(2020, 7, 1),
                LocalDate.of(2023, 5, 31), LocalDate.now(), LocalDate.of(2099, 1, 1));
        Map<String, CaseloadFigure> asked = new LinkedHashMap<>();
        Map<String, FigureScope> scopes = new LinkedHashMap<>();
        for (List<Dimension> groupBy : List.of(List.<Dimension>of(), List.of(Dimension.FORCE),
                List.of(Dimension.REGION, Dimension.CONTEXT))) {
            for (Set<String> forces : List.of(Set.<String>of(), Set.of("E23000005", "E23000001"))) {
                for (LocalDate date : dates) {
                    String key = String.join(" ", date.toString(), groupBy.toString(), forces.toString());
                    FigureScope scope = new FigureScope(definition, null, null, forces, groupBy);
                    scopes.put(key, scope);
                    asked.put(key, new CaseloadFigure(scope, date, CellTracer.NONE));
                }
            }
        }
        computeAll(null, asked.values());
        int nonEmpty = 0;
        for (Map.Entry<String, CaseloadFigure> entry : asked.entrySet()) {
            CaseloadFigure.Result fromEngine = entry.getValue().result();
            assertThat(models.caseload(scopes.get(entry.getKey()), fromEngine.date()))
                    .as("caseload %s", entry.getKey()).isEqualTo(fromEngine);
            nonEmpty += fromEngine.groups().isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("dates with a caseload").isGreaterThan(30);
    }

    /**
     * The model's period counts against the engine's for every unit, over all years and by year over whole years; the
     * model declines any other window (distinct members do not add up across part of a year), which the ledger answers.
     */
    private void assertPeriodCountsAgreeWithEngine(Definition definition) {
        Map<String, PeriodCountsFigure> asked = new LinkedHashMap<>();
        Map<String, FigureScope> scopes = new LinkedHashMap<>();
        for (List<Dimension> groupBy : List.of(List.<Dimension>of(), List.of(Dimension.YEAR),
                List.of(Dimension.FORCE, Dimension.YEAR), List.of(Dimension.REGION, Dimension.CONTEXT))) {
            for (LocalDate[] range : List.of(new LocalDate[]{null, null},
                    new LocalDate[]{LocalDate.of(2012, 1, 1), LocalDate.of(2018, 12, 31)},
                    new LocalDate[]{null, LocalDate.of(2016, 12, 31)},
                    new LocalDate[]{LocalDate.of(2012, 3, 15), LocalDate.of(2018, 7, 20)})) {
                for (Set<String> forces : List.of(Set.<String>of(), Set.of("E23000005", "E23000001"))) {
                    for (FunnelFigure.Unit unit : FunnelFigure.Unit.values()) {
                        String key = String.join(" ", unit.name(), groupBy.toString(), String.valueOf(range[0]),
                                String.valueOf(range[1]), forces.toString());
                        FigureScope scope = new FigureScope(definition, range[0], range[1], forces, groupBy);
                        scopes.put(key, scope);
                        asked.put(key, new PeriodCountsFigure(scope, unit));
                    }
                }
            }
        }
        computeAll(null, asked.values());
        int fromModel = 0;
        for (Map.Entry<String, PeriodCountsFigure> entry : asked.entrySet()) {
            PeriodCountsFigure.Result fromEngine = entry.getValue().result();
            FigureScope scope = scopes.get(entry.getKey());
            boolean wholeYears = (scope.from() == null || scope.from().getDayOfYear() == 1)
                    && (scope.to() == null || scope.to().equals(scope.to().withMonth(12).withDayOfMonth(31)));
            boolean servable = (scope.from() == null && scope.to() == null)
                    || (scope.groupBy().contains(Dimension.YEAR) && wholeYears);
            Optional<PeriodCountsFigure.Result> fromModelCells = models.periodCounts(scope, fromEngine.unit());
            if (servable) {
                assertThat(fromModelCells).as("period counts %s", entry.getKey()).contains(fromEngine);
                fromModel += fromEngine.groups().isEmpty() ? 0 : 1;
            } else {
                assertThat(fromModelCells).as("period counts %s", entry.getKey()).isEmpty();
            }
        }
        assertThat(fromModel).as("combinations answered from the model").isGreaterThan(30);
    }

    /**
     * The model's cold cases against the engine's, for any operation (and one matched ignoring case), ranges that take
     * a case's first or its later reopening, each grouping and force filter; returns how many had cold cases.
     */
    private int assertColdCasesAgreeWithEngine(Definition definition) {
        Map<String, ColdCasesFigure> asked = new LinkedHashMap<>();
        Map<String, FigureScope> scopes = new LinkedHashMap<>();
        for (List<Dimension> groupBy : List.of(List.<Dimension>of(), List.of(Dimension.FORCE, Dimension.YEAR),
                List.of(Dimension.REGION, Dimension.CONTEXT))) {
            for (LocalDate[] range : List.of(new LocalDate[]{null, null},
                    new LocalDate[]{LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31)},
                    new LocalDate[]{LocalDate.of(2017, 6, 1), null})) {
                for (Set<String> forces : List.of(Set.<String>of(), Set.of("E23000005", "E23000001"))) {
                    for (String operation : Arrays.asList(null, "beaconport", "Other")) {
                        String key = String.join(" ", String.valueOf(operation), groupBy.toString(),
                                String.valueOf(range[0]), String.valueOf(range[1]), forces.toString());
                        FigureScope scope = new FigureScope(definition, range[0], range[1], forces, groupBy);
                        scopes.put(key, scope);
                        asked.put(key, new ColdCasesFigure(scope, operation));
                    }
                }
            }
        }
        computeAll(null, asked.values());
        int nonEmpty = 0;
        for (Map.Entry<String, ColdCasesFigure> entry : asked.entrySet()) {
            ColdCasesFigure.Result fromEngine = entry.getValue().result();
            assertThat(models.coldCases(scopes.get(entry.getKey()), fromEngine.operation()))
                    .as("cold cases %s", entry.getKey()).isEqualTo(fromEngine);
            nonEmpty += fromEngine.groups().isEmpty() ? 0 : 1;
        }
        return nonEmpty;
    }

    /**
     * The model's lags against the engine's, for every start and end, over any range, censored today; returns the
     * classes of member the comparisons met.
     */
    private Set<LagsFigure.LagClass> assertLagsAgreeWithEngine(Definition definition) {
        LocalDate today = LocalDate.now();
        Map<String, LagsFigure> asked = new LinkedHashMap<>();
        Map<String, FigureScope> scopes = new LinkedHashMap<>();
        for (List<Dimension> groupBy : List.of(List.<Dimension>of(), List.of(Dimension.FORCE, Dimension.YEAR),
                List.of(Dimension.REGION, Dimension.CONTEXT))) {
            for (LocalDate[] range : List.of(new LocalDate[]{null, null},
                    new LocalDate[]{LocalDate.of(2012, 3, 15), LocalDate.of(2018, 7, 20)},
                    new LocalDate[]{null, LocalDate.of(2016, 2, 10)})) {
                for (Set<String> forces : List.of(Set.<String>of(), Set.of("E23000005", "E23000001"))) {
                    FigureScope scope = new FigureScope(definition, range[0], range[1], forces, groupBy);
                    for (LagsFigure.Start start : LagsFigure.Start.values()) {
                        for (Stage end : Stage.values()) {
                            String key = String.join(" ", start.name(), end.name(), groupBy.toString(),
                                    String.valueOf(range[0]), String.valueOf(range[1]), forces.toString());
                            scopes.put(key, scope);
                            asked.put(key, new LagsFigure(scope, start, end, today, true, CellTracer.NONE));
                        }
                    }
                }
            }
        }
        computeAll(today, asked.values());
        Set<LagsFigure.LagClass> classesSeen = new HashSet<>();
        asked.forEach((key, figure) -> {
            LagsFigure.Result fromEngine = figure.result();
            assertThat(models.lags(scopes.get(key), fromEngine.start(), fromEngine.end(), today, true))
                    .as("lags %s", key).isEqualTo(fromEngine);
            fromEngine.groups().forEach(group -> {
                if (group.completed() > 0) {
                    classesSeen.add(LagsFigure.LagClass.COMPLETED);
                }
                if (group.censored() > 0) {
                    classesSeen.add(LagsFigure.LagClass.CENSORED);
                }
                if (group.competing() > 0) {
                    classesSeen.add(LagsFigure.LagClass.COMPETING);
                }
                if (group.undated() > 0) {
                    classesSeen.add(LagsFigure.LagClass.UNDATED);
                }
                if (group.invalid() > 0) {
                    classesSeen.add(LagsFigure.LagClass.INVALID);
                }
            });
        });
        return classesSeen;
    }

    @Test
    void a_replay_reports_its_progress_and_its_model_answers_exactly_as_the_effective_view() throws Exception {
        Definition definition = register("replayed", 1, new Definition.Rules(2, Set.of(), 17, true, true));
        Set<LagsFigure.LagClass> lagClasses = new HashSet<>();

        UUID id = startOverHttp(definition);
        await("completed", () -> "COMPLETED".equals(progress(id).get("state")));

        Map<String, Object> done = progress(id);
        assertThat(done).containsEntry("definition", Map.of("id", "replayed", "version", 1))
                .containsKeys("eventsPerSecond", "startedAt", "finishedAt");
        assertThat(((Number) done.get("eventsDone")).longValue()).isPositive()
                .isEqualTo(((Number) done.get("eventsTotal")).longValue());
        assertThat(models.model("replayed", 1)).hasValueSatisfying(model ->
                assertThat(model.state()).isEqualTo(DefinitionModels.State.READY));
        assertModelAgreesWithEngine(definition);
        assertCategoriesAgreeWithEngine(definition);
        assertCaseloadAgreesWithEngine(definition);
        assertPeriodCountsAgreeWithEngine(definition);
        assertColdCasesAgreeWithEngine(definition);
        lagClasses.addAll(assertLagsAgreeWithEngine(definition));

        CsvFiles.Generated more = CsvFiles.synthetic(4, 60, "R2");
        assertThat(imports.importCsv("REPLAY-MORE", more.file(), ImportProgress.NONE).applied()).isTrue();
        // A conviction with no charge: its charge is implied only, an undated lag to CHARGED. An NFA on the day of
        // the arrest: an exit on the start date competes (time 0). EXITS-1's first suspect is NFA'd, then charged
        // and acquitted: from the charge, the competing exit is its second (the model's read of a later exit than the
        // first).
        assertThat(imports.importCsv("REPLAY-UNDATED", CsvFiles.write(CsvFiles.csv(
                "U-7,EXITS-1,CASE_OPENED,2015-01-01,2015-01-02,E23000005,GROUP_CSE,,,,,,,",
                "U-8,EXITS-1,ARRESTED,2015-02-01,2015-02-02,,,S1,,,,,,",
                "U-9,EXITS-1,NFA,2015-03-01,2015-03-02,,,S1,,,,15,,",
                "U-10,EXITS-1,CHARGED,2015-06-01,2015-06-02,,,S1,,,,,,",
                "U-11,EXITS-1,ACQUITTED,2016-06-01,2016-06-02,,,S1,,,,,,",
                "U-12,EXITS-1,ARRESTED,2015-02-01,2015-02-02,,,S2,,,,,,",
                "U-13,EXITS-1,VICTIM_RECORDED,2015-01-01,2015-01-02,,,,V1,13,,,,",
                "U-1,UNDATED-1,CASE_OPENED,2015-01-01,2015-01-02,E23000005,GROUP_CSE,,,,,,,",
                "U-2,UNDATED-1,ARRESTED,2015-02-01,2015-02-02,,,S1,,,,,,",
                "U-3,UNDATED-1,ARRESTED,2015-02-01,2015-02-02,,,S2,,,,,,",
                "U-4,UNDATED-1,CONVICTED,2016-01-01,2016-01-02,,,S1,,,,,,",
                "U-5,UNDATED-1,VICTIM_RECORDED,2015-01-01,2015-01-02,,,,V1,12,,,,",
                "U-6,UNDATED-1,NFA,2015-02-01,2015-02-02,,,S2,,,,15,,")), ImportProgress.NONE)
                .errors()).isEmpty();
        // Both group-based (two suspects, a child victim). COLD-1 closed, reopened by another operation, closed
        // again, reopened by Beaconport with an arrest after; COLD-2 reopened before it was ever closed (not cold).
        assertThat(imports.importCsv("REPLAY-COLD", CsvFiles.write(String.join("\n",
                "source_row_id,case_ref,event_type,occurred_on,reported_on,force_code,context,suspect_ref,"
                        + "victim_ref,age,outcome_type,operation",
                "K-1,COLD-1,CASE_OPENED,2015-01-01,2015-01-02,E23000005,GROUP_CSE,,,,,",
                "K-2,COLD-1,ARRESTED,2015-02-01,2015-02-02,,,S1,,,,",
                "K-3,COLD-1,ARRESTED,2015-02-01,2015-02-02,,,S2,,,,",
                "K-4,COLD-1,VICTIM_RECORDED,2015-01-01,2015-01-02,,,,V1,14,,",
                "K-5,COLD-1,CASE_CLOSED,2016-01-01,2016-01-02,,,,,,18,",
                "K-6,COLD-1,CASE_REOPENED,2016-06-01,2016-06-02,,,,,,,Other",
                "K-7,COLD-1,CASE_CLOSED,2017-01-01,2017-01-02,,,,,,18,",
                "K-8,COLD-1,CASE_REOPENED,2018-01-01,2018-01-02,,,,,,,BEACONPORT",
                "K-9,COLD-1,ARRESTED,2018-02-01,2018-02-02,,,S1,,,,",
                "K-10,COLD-2,CASE_OPENED,2015-01-01,2015-01-02,E23000001,GROUP_CSE,,,,,",
                "K-11,COLD-2,ARRESTED,2015-02-01,2015-02-02,,,S1,,,,",
                "K-12,COLD-2,ARRESTED,2015-02-01,2015-02-02,,,S2,,,,",
                "K-13,COLD-2,VICTIM_RECORDED,2015-01-01,2015-01-02,,,,V1,13,,",
                "K-14,COLD-2,CASE_REOPENED,2015-03-01,2015-03-02,,,,,,,BEACONPORT",
                "K-15,COLD-2,CASE_CLOSED,2015-06-01,2015-06-02,,,,,,18,") + "\n"), ImportProgress.NONE)
                .errors()).isEmpty();
        long head = jdbc.queryForObject("SELECT max(position) FROM ledger_row", Long.class);
        await("the processor caught up", () -> models.model("replayed", 1).orElseThrow().position() >= head);
        assertModelAgreesWithEngine(definition);
        assertCategoriesAgreeWithEngine(definition);
        assertCaseloadAgreesWithEngine(definition);
        assertPeriodCountsAgreeWithEngine(definition);
        assertThat(assertColdCasesAgreeWithEngine(definition)).as("combinations with cold cases").isGreaterThan(20);
        lagClasses.addAll(assertLagsAgreeWithEngine(definition));

        // Amendments move members out of cells they were counted in: opening dates corrected into another month,
        // arrests and charges retracted; and out of categories: identifications and victims retracted.
        List<String> amendments = new ArrayList<>();
        jdbc.query("SELECT source_row_id, case_ref, event_type FROM ledger_row WHERE source = 'REPLAY' "
                + "AND event_type IN ('CASE_OPENED', 'ARRESTED', 'CHARGED', 'SUSPECT_IDENTIFIED', 'VICTIM_RECORDED') "
                + "AND case_ref IN "
                + "(SELECT case_ref FROM ledger_row WHERE source = 'REPLAY' GROUP BY case_ref ORDER BY case_ref "
                + "LIMIT 40)", row -> {
            String rowId = row.getString(1);
            String caseRef = row.getString(2);
            amendments.add(row.getString(3).equals("CASE_OPENED")
                    ? "AM-" + rowId + "," + caseRef + ",CORRECTION,2008-02-14,2025-06-01,,,,,,,," + rowId + ","
                    : "AM-" + rowId + "," + caseRef + ",RETRACTION,,2025-06-01,,,,,,,," + rowId + ",");
        });
        assertThat(amendments).hasSizeGreaterThan(40);
        Path amendmentFile = CsvFiles.write(CsvFiles.csv(amendments.toArray(String[]::new)));
        ImportReport amended = imports.importCsv("REPLAY", amendmentFile, ImportProgress.NONE);
        assertThat(amended.errors()).isEmpty();
        long amendedHead = jdbc.queryForObject("SELECT max(position) FROM ledger_row", Long.class);
        await("the processor caught up with the amendments",
                () -> models.model("replayed", 1).orElseThrow().position() >= amendedHead);
        assertModelAgreesWithEngine(definition);
        assertCategoriesAgreeWithEngine(definition);
        assertCaseloadAgreesWithEngine(definition);
        assertPeriodCountsAgreeWithEngine(definition);
        assertThat(assertColdCasesAgreeWithEngine(definition)).as("combinations with cold cases").isGreaterThan(20);
        lagClasses.addAll(assertLagsAgreeWithEngine(definition));
        assertEarlierCutsAgreeWithEngine(definition, amendedHead);
        assertThat(http.exchange("/api/v1/funnel?definition=replayed@1", HttpMethod.GET, null, JSON).getBody())
                .containsEntry("position", (int) amendedHead);
        for (String figure : List.of("ethnicity", "ethnicity/completeness", "nationality")) {
            assertThat(http.exchange("/api/v1/" + figure + "?definition=replayed@1&groupBy=force,year&from=2012-01-02",
                    HttpMethod.GET, null, JSON).getBody()).as(figure)
                    .containsEntry("position", (int) amendedHead).containsEntry("computedFrom", "model");
        }
        assertThat(http.exchange("/api/v1/period-counts?definition=replayed@1&groupBy=force,year",
                HttpMethod.GET, null, JSON).getBody()).containsEntry("position", (int) amendedHead)
                .containsEntry("computedFrom", "model");
        assertThat(http.exchange("/api/v1/period-counts?definition=replayed@1&from=2012-03-15",
                HttpMethod.GET, null, JSON).getBody()).containsEntry("computedFrom", "ledger");
        assertThat(http.exchange("/api/v1/cold-cases?definition=replayed@1&groupBy=force,year&operation=BEACONPORT",
                HttpMethod.GET, null, JSON).getBody()).containsEntry("position", (int) amendedHead)
                .containsEntry("computedFrom", "model");
        assertThat(http.exchange("/api/v1/caseload?definition=replayed@1&groupBy=force&date=2016-06-30",
                HttpMethod.GET, null, JSON).getBody()).containsEntry("position", (int) amendedHead)
                .containsEntry("computedFrom", "model");
        assertThat(lagClasses).as("every class of lag member was compared")
                .containsExactlyInAnyOrder(LagsFigure.LagClass.values());
        String lags = "/api/v1/lags?definition=replayed@1&start=ARRESTED&end=CHARGED&groupBy=force";
        assertThat(http.exchange(lags, HttpMethod.GET, null, JSON).getBody())
                .containsEntry("computedFrom", "model").containsEntry("asOf", LocalDate.now().toString());

        // An event reported after today: the current state is no longer what is known today, so a lag (known by
        // today unless asked) comes from the ledger; known by a day after it, from the model again.
        ImportReport future = imports.importCsv("REPLAY-FUTURE", CsvFiles.write(CsvFiles.csv(
                "F-1,FUTURE-1,CASE_OPENED,2020-05-01,2099-01-01,E23000005,GROUP_CSE,,,,,,,",
                "F-2,FUTURE-1,ARRESTED,2020-06-01,2099-01-01,,,S1,,,,,,")), ImportProgress.NONE);
        assertThat(future.errors()).isEmpty();
        long futureHead = jdbc.queryForObject("SELECT max(position) FROM ledger_row", Long.class);
        await("the processor caught up with the future", () -> models.model("replayed", 1).orElseThrow().position()
                >= futureHead);
        assertThat(http.exchange(lags, HttpMethod.GET, null, JSON).getBody())
                .containsEntry("computedFrom", "ledger");
        assertThat(http.exchange(lags + "&asOf=2099-01-01", HttpMethod.GET, null, JSON).getBody())
                .containsEntry("computedFrom", "model");
        assertThat(http.exchange("/api/v1/funnel?definition=replayed@1", HttpMethod.GET, null, JSON).getBody())
                .containsEntry("computedFrom", "model");
    }

    @Test
    void a_replay_is_claimed_once_and_a_live_nodes_claim_is_never_taken_over() throws Exception {
        Definition definition = register("claimed", 1, new Definition.Rules(1, Set.of(), null, false, true));
        UUID first = startOverHttp(definition);
        ResponseEntity<Map<String, Object>> second = http.exchange("/api/v1/definitions/claimed/versions/1/replays",
                HttpMethod.POST, null, JSON);
        assertThat(second.getStatusCode()).as("one runs; the other is told so").isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody()).containsEntry("replayId", first.toString());
        await("the claimed replay completed", () -> replays.find(first).orElseThrow().state()
                == Replay.State.COMPLETED);

        // Another node's replay of another version, its heartbeat fresh: this node leaves it alone.
        Definition elsewhere = register("claimed", 2, new Definition.Rules(1, Set.of(), null, false, true));
        UUID theirs = UUID.randomUUID();
        models.startBuilding(elsewhere);
        jdbc.update("INSERT INTO replay (id, definition_id, version, state, events_total, started_at, owner, "
                + "heartbeat_at) VALUES (?, 'claimed', 2, 'RUNNING', 1, now(), 'another-node', now())", theirs);
        replays.resumeInterrupted();
        Thread.sleep(500);
        assertThat(jdbc.queryForObject("SELECT owner FROM replay WHERE id = ?", String.class, theirs))
                .isEqualTo("another-node");
        assertThat(replays.find(theirs).orElseThrow().eventsDone()).isZero();

        // That node stops: once its heartbeat is stale this node takes the replay over and finishes it.
        jdbc.update("UPDATE replay SET heartbeat_at = now() - interval '1 hour' WHERE id = ?", theirs);
        replays.resumeInterrupted();
        await("the taken-over replay completed", () -> replays.find(theirs).orElseThrow().state()
                == Replay.State.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT owner FROM replay WHERE id = ?", String.class, theirs))
                .isNotEqualTo("another-node");
        assertThat(replays.find(theirs).orElseThrow().error()).isNull();
    }

    @Test
    void a_replay_stopped_by_a_restart_resumes_and_ends_with_the_same_results() throws Exception {
        Definition.Rules rules = new Definition.Rules(1, Set.of(CaseContext.GROUP_CSE, CaseContext.INTRA_FAMILIAL),
                null, false, true);
        Definition uninterrupted = register("resumed", 1, rules);
        Definition interrupted = register("resumed", 2, rules);
        UUID whole = replays.start(uninterrupted).id();
        await("the uninterrupted replay completed", () -> replays.find(whole).orElseThrow().state()
                == Replay.State.COMPLETED);

        UUID id = replays.start(interrupted).id();
        await("some progress", () -> replays.find(id).orElseThrow().eventsDone() > 0);
        Map<String, Object> duringReplay = http.exchange("/api/v1/funnel?definition=all-cases&groupBy=year",
                HttpMethod.GET, null, JSON).getBody();
        assertThat(duringReplay).as("the server keeps answering").containsKey("groups");
        assertThat(replays.find(id).orElseThrow().state()).as("while the replay runs").isEqualTo(Replay.State.RUNNING);
        replays.stop();
        Thread.sleep(300);
        Replay stopped = replays.find(id).orElseThrow();
        assertThat(stopped.state()).isEqualTo(Replay.State.RUNNING);
        assertThat(stopped.eventsDone()).isLessThan(stopped.eventsTotal());

        replays.resumeInterrupted();
        await("the resumed replay completed", () -> replays.find(id).orElseThrow().state()
                == Replay.State.COMPLETED);

        assertThat(replays.find(id).orElseThrow().eventsDone()).isEqualTo(replays.find(id).orElseThrow()
                .eventsTotal());
        assertThat(memberRows(interrupted)).isEqualTo(memberRows(uninterrupted)).isNotEmpty();
        assertModelAgreesWithEngine(interrupted);
        assertCategoriesAgreeWithEngine(interrupted);
        assertLagsAgreeWithEngine(interrupted);
    }

    private List<String> memberRows(Definition definition) {
        return new ArrayList<>(jdbc.queryForList("SELECT case_ref || '/' || suspect_ref || '/' || "
                + "coalesce(arrested_on::text, '-') || '/' || coalesce(charged_on::text, '-') || '/' || charged_implied "
                + "|| '/' || coalesce(prosecuted_on::text, '-') || '/' || prosecuted_implied || '/' || "
                + "coalesce(convicted_on::text, '-') FROM definition_suspect WHERE definition_id = ? AND version = ? "
                + "ORDER BY 1", String.class, definition.id(), definition.version()));
    }
}
