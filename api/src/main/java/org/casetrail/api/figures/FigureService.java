package org.casetrail.api.figures;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.casetrail.api.BusyException;
import org.casetrail.api.InvalidParameterException;
import org.casetrail.api.config.Limits;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.figures.FigureResponses.DefinitionRef;
import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.Stage;
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
import org.casetrail.projections.effective.LedgerCaseSource;
import org.casetrail.projections.models.DefinitionModels;
import org.springframework.stereotype.Service;

/** Answers the figure endpoints: reads the parameters, computes on the effective view, attaches figure ids. */
@Service
public class FigureService {

    public static final Set<String> FUNNEL = Set.of("entry", "unit");
    public static final Set<String> PERIOD_COUNTS = Set.of("unit");
    public static final Set<String> LAGS = Set.of("start", "end", "curve");
    public static final Set<String> COLD_CASES = Set.of("operation");
    public static final Set<String> ETHNICITY = Set.of("stage", "scheme", "level");
    public static final Set<String> COMPLETENESS = Set.of("stage");
    public static final Set<String> NATIONALITY = Set.of("stage", "level");
    public static final Set<String> CASELOAD = Set.of("date");
    private static final int LEDGER_READ_WAIT_SECONDS = 20;

    private final FigureEngine engine;
    private final DefinitionCatalog definitions;
    private final FigureIds ids;
    private final DefinitionModels models;
    private final LedgerCaseSource ledger;
    private final Semaphore ledgerReads;

    public FigureService(FigureEngine engine, DefinitionCatalog definitions, FigureIds ids, DefinitionModels models,
                         LedgerCaseSource ledger, Limits limits) {
        this.ledgerReads = new Semaphore(limits.concurrentFigures(), true);
        this.engine = engine;
        this.definitions = definitions;
        this.ids = ids;
        this.models = models;
        this.ledger = ledger;
    }

    /** What every figure shares once its parameters are read. */
    private record Asked(Definition definition, FigureScope scope, LocalDate asOf, Long position,
                         Map<String, String> canonical) {
    }

    private Asked asked(FigureRequest request) {
        Definition definition = request.definition(definitions);
        FigureScope scope = request.scope(definition);
        LocalDate asOf = request.date("asOf");
        Map<String, String> canonical = new LinkedHashMap<>();
        canonical.put("definition", definition.reference());
        putIfSet(canonical, "from", scope.from());
        putIfSet(canonical, "to", scope.to());
        putIfSet(canonical, "asOf", asOf);
        if (!scope.forces().isEmpty()) {
            canonical.put("force", String.join(",", scope.forces().stream().sorted().toList()));
        }
        if (!scope.groupBy().isEmpty()) {
            canonical.put("groupBy", String.join(",", scope.groupBy().stream().map(Dimension::key).toList()));
        }
        Long position = request.position();
        if (position != null && position > ledger.head()) {
            throw new InvalidParameterException("position", "position " + position + " is beyond the store's head, "
                    + ledger.head() + ": a figure is asked of what has been stored");
        }
        return new Asked(definition, scope, asOf, position, canonical);
    }

    private static void putIfSet(Map<String, String> canonical, String name, Object value) {
        if (value != null) {
            canonical.put(name, value.toString());
        }
    }

    /**
     * The head position, when the current state is asked (no knowledge date, no earlier position) and the
     * definition's model has been replayed and covers every stored event; empty otherwise.
     */
    private Optional<Long> currentModel(Asked asked) {
        if (asked.asOf() != null) {
            return Optional.empty();
        }
        long head = ledger.head();
        if (asked.position() != null && asked.position() != head) {
            return Optional.empty();
        }
        return models.model(asked.definition().id(), asked.definition().version())
                .filter(model -> model.state() == DefinitionModels.State.READY)
                .filter(model -> model.position() != null && model.position() >= head)
                .map(model -> head);
    }

    /** A figure from the ledger reads every qualifying case: only so many are computed at once, the rest wait. */
    private <R> FigureEngine.Computed<R> compute(Asked asked, CaseFigure<R> figure) {
        try {
            if (!ledgerReads.tryAcquire(LEDGER_READ_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new BusyException(LEDGER_READ_WAIT_SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BusyException(LEDGER_READ_WAIT_SECONDS);
        }
        try {
            return engine.compute(asked.asOf(), asked.position(), figure);
        } finally {
            ledgerReads.release();
        }
    }

    public FigureResponses.Funnel funnel(FigureRequest request, CellTracer tracer) {
        Asked asked = asked(request);
        Stage entry = request.choice("entry", Stage.class, Stage.RECORDED);
        if (entry != Stage.RECORDED && entry != Stage.ARRESTED) {
            throw new InvalidParameterException("entry", "entry is RECORDED or ARRESTED");
        }
        FunnelFigure.Unit unit = request.choice("unit", FunnelFigure.Unit.class, FunnelFigure.Unit.SUSPECT);
        asked.canonical().put("entry", entry.name());
        asked.canonical().put("unit", unit.name());
        boolean modelled = tracer == CellTracer.NONE && unit != FunnelFigure.Unit.VICTIM;
        Optional<Long> modelHead = modelled ? currentModel(asked) : Optional.empty();
        var computed = modelHead
                .map(head -> new FigureEngine.Computed<>(models.funnel(asked.scope(), entry, unit), null, head))
                .orElseGet(() -> compute(asked, new FunnelFigure(asked.scope(), entry, unit, tracer)));
        FigureIds.Query query = ids.record("funnel", asked.canonical(), computed.position());
        List<FigureResponses.FunnelGroup> groups = computed.result().groups().stream()
                .map(group -> new FigureResponses.FunnelGroup(group.key().values(), group.stages().stream()
                        .map(stage -> new FigureResponses.FunnelStage(stage.stage().name(), stage.count(),
                                stage.implied(), stage.rateFromPrevious(), stage.rateFromEntry(),
                                query.cell(FunnelFigure.cell(group.key(), stage.stage()))))
                        .toList()))
                .toList();
        return new FigureResponses.Funnel(DefinitionRef.of(asked.definition()), computed.asOf(), computed.position(),
                modelHead.isPresent() ? FigureResponses.MODEL : FigureResponses.LEDGER, entry.name(),
                unit.name().toLowerCase(), asked.scope().from(), asked.scope().to(), groups);
    }

    public FigureResponses.PeriodCounts periodCounts(FigureRequest request, CellTracer tracer) {
        Asked asked = asked(request);
        FunnelFigure.Unit unit = request.choice("unit", FunnelFigure.Unit.class, FunnelFigure.Unit.SUSPECT);
        asked.canonical().put("unit", unit.name());
        var computed = compute(asked, new PeriodCountsFigure(asked.scope(), unit, tracer));
        FigureIds.Query query = ids.record("period-counts", asked.canonical(), computed.position());
        List<FigureResponses.PeriodGroup> groups = computed.result().groups().stream()
                .map(group -> new FigureResponses.PeriodGroup(group.key().values(), group.counts().stream()
                        .map(count -> new FigureResponses.PeriodCount(count.stage().name(), count.count(),
                                query.cell(PeriodCountsFigure.cell(group.key(), count.stage()))))
                        .toList()))
                .toList();
        return new FigureResponses.PeriodCounts(DefinitionRef.of(asked.definition()), computed.asOf(),
                computed.position(), FigureResponses.LEDGER, unit.name().toLowerCase(), asked.scope().from(),
                asked.scope().to(), groups);
    }

    public FigureResponses.Lags lags(FigureRequest request, LocalDate today, CellTracer tracer) {
        Asked asked = asked(request);
        LagsFigure.Start start = request.choice("start", LagsFigure.Start.class, null);
        Stage end = request.choice("end", Stage.class, null);
        LocalDate censoredOn = asked.asOf() == null ? today : asked.asOf();
        Asked censored = new Asked(asked.definition(), asked.scope(), censoredOn, asked.position(),
                asked.canonical());
        censored.canonical().put("asOf", censoredOn.toString());
        censored.canonical().put("start", start.name());
        censored.canonical().put("end", end.name());
        boolean curve = request.flag("curve");
        var computed = compute(censored, new LagsFigure(asked.scope(), start, end, censoredOn, curve, tracer));
        FigureIds.Query query = ids.record("lags", censored.canonical(), computed.position());
        List<FigureResponses.LagGroup> groups = computed.result().groups().stream()
                .map(group -> {
                    Map<String, java.math.BigDecimal> incidence = new LinkedHashMap<>();
                    group.cumulativeIncidence().forEach((days, value) -> incidence.put(String.valueOf(days), value));
                    return new FigureResponses.LagGroup(group.key().values(), group.population(), group.completed(),
                            group.censored(), group.competing(), group.undated(), group.invalid(), group.p25(),
                            group.p50(), group.p75(), group.p90(), group.mean(), group.kaplanMeierMedian(), incidence,
                            group.curve() == null ? null : group.curve().stream().map(point ->
                                    new FigureResponses.CurvePoint(point.t(), point.atRisk(), point.completed(),
                                            point.competing(), point.censored(), point.survival(),
                                            point.cumulativeIncidence())).toList(),
                            query.cell(LagsFigure.cell(group.key())));
                })
                .toList();
        return new FigureResponses.Lags(DefinitionRef.of(asked.definition()), censoredOn, computed.position(),
                FigureResponses.LEDGER, start.name(), end.name(), asked.scope().from(), asked.scope().to(), groups);
    }

    public FigureResponses.ColdCases coldCases(FigureRequest request, CellTracer tracer) {
        Asked asked = asked(request);
        String operation = request.text("operation");
        putIfSet(asked.canonical(), "operation", operation == null ? null : operation.toUpperCase());
        var computed = compute(asked, new ColdCasesFigure(asked.scope(), operation, tracer));
        FigureIds.Query query = ids.record("cold-cases", asked.canonical(), computed.position());
        List<FigureResponses.ColdCaseGroup> groups = computed.result().groups().stream()
                .map(group -> new FigureResponses.ColdCaseGroup(group.key().values(), group.reopened(),
                        group.medianDaysClosed(), group.arrestedAfter(), group.chargedAfter(), group.convictedAfter(),
                        group.reclosed(), query.cell(ColdCasesFigure.cell(group.key()))))
                .toList();
        return new FigureResponses.ColdCases(DefinitionRef.of(asked.definition()), computed.asOf(),
                computed.position(), FigureResponses.LEDGER, operation, asked.scope().from(), asked.scope().to(),
                groups);
    }

    public FigureResponses.Ethnicity ethnicity(FigureRequest request, CellTracer tracer) {
        Asked asked = asked(request);
        Stage stage = request.choice("stage", Stage.class, Stage.RECORDED);
        EthnicityScheme scheme = request.choice("scheme", EthnicityScheme.class, EthnicityScheme.BEST);
        EthnicityScheme.Level level = request.choice("level", EthnicityScheme.Level.class,
                EthnicityScheme.Level.GROUP);
        asked.canonical().put("stage", stage.name());
        asked.canonical().put("scheme", scheme.name());
        asked.canonical().put("level", level.name());
        var computed = compute(asked, new EthnicityFigure(asked.scope(), stage, scheme, level, tracer));
        FigureIds.Query query = ids.record("ethnicity", asked.canonical(), computed.position());
        List<FigureResponses.EthnicityGroup> groups = computed.result().groups().stream()
                .map(group -> new FigureResponses.EthnicityGroup(group.key().values(), group.suspects().stream()
                        .map(row -> new FigureResponses.SuspectEthnicity(row.suspectEthnicity(), row.count(),
                                query.cell(EthnicityFigure.suspectCell(group.key(), row.suspectEthnicity()))))
                        .toList(), group.pairs().stream()
                        .map(row -> new FigureResponses.PairEthnicity(row.suspectEthnicity(), row.victimEthnicity(),
                                row.count(), query.cell(EthnicityFigure.pairCell(group.key(), row.suspectEthnicity(),
                                        row.victimEthnicity()))))
                        .toList()))
                .toList();
        boolean grouped = !asked.scope().groupBy().isEmpty();
        FigureResponses.EthnicityGroup only = groups.isEmpty()
                ? new FigureResponses.EthnicityGroup(Map.of(), List.of(), List.of()) : groups.get(0);
        return new FigureResponses.Ethnicity(DefinitionRef.of(asked.definition()), computed.asOf(),
                computed.position(), FigureResponses.LEDGER, stage.name(), scheme.name().toLowerCase(),
                level.name().toLowerCase(), asked.scope().from(), asked.scope().to(), grouped ? null : only.suspects(),
                grouped ? null : only.pairs(), grouped ? groups : null);
    }

    public FigureResponses.Nationality nationality(FigureRequest request, CellTracer tracer) {
        Asked asked = asked(request);
        Stage stage = request.choice("stage", Stage.class, Stage.RECORDED);
        EthnicityScheme.Level level = request.choice("level", EthnicityScheme.Level.class,
                EthnicityScheme.Level.GROUP);
        asked.canonical().put("stage", stage.name());
        asked.canonical().put("level", level.name());
        var computed = compute(asked, new NationalityFigure(asked.scope(), stage, level, tracer));
        FigureIds.Query query = ids.record("nationality", asked.canonical(), computed.position());
        List<FigureResponses.NationalityGroup> groups = computed.result().groups().stream()
                .map(group -> new FigureResponses.NationalityGroup(group.key().values(), group.suspects().stream()
                        .map(row -> new FigureResponses.SuspectNationality(row.nationality(), row.count(),
                                query.cell(NationalityFigure.cell(group.key(), row.nationality()))))
                        .toList()))
                .toList();
        boolean grouped = !asked.scope().groupBy().isEmpty();
        return new FigureResponses.Nationality(DefinitionRef.of(asked.definition()), computed.asOf(),
                computed.position(), FigureResponses.LEDGER, stage.name(), level.name().toLowerCase(),
                asked.scope().from(),
                asked.scope().to(), grouped ? null : groups.isEmpty() ? List.of() : groups.get(0).suspects(),
                grouped ? groups : null);
    }

    /** SEMANTICS 6.7: at one date (default: asOf if given, else today); no window, and no grouping by year. */
    public FigureResponses.Caseload caseload(FigureRequest request, LocalDate today, CellTracer tracer) {
        Asked asked = asked(request);
        for (String window : List.of("from", "to")) {
            if (asked.canonical().containsKey(window)) {
                throw new InvalidParameterException(window, "the caseload is a stock at one date: give date, "
                        + "not " + window);
            }
        }
        if (asked.scope().groupBy().contains(Dimension.YEAR)) {
            throw new InvalidParameterException("groupBy", "the caseload groups by force, region or context; it is "
                    + "at one date, so not by year");
        }
        LocalDate date = Optional.ofNullable(request.date("date"))
                .orElse(asked.asOf() != null ? asked.asOf() : today);
        asked.canonical().put("date", date.toString());
        var computed = compute(asked, new CaseloadFigure(asked.scope(), date, tracer));
        FigureIds.Query query = ids.record("caseload", asked.canonical(), computed.position());
        List<FigureResponses.CaseloadGroup> groups = computed.result().groups().stream()
                .map(group -> new FigureResponses.CaseloadGroup(group.key().values(), group.liveCases(),
                        group.suspectsUnderInvestigation(), group.suspectsAwaitingOutcome(),
                        group.victimsInLiveCases(), query.cell(CaseloadFigure.cell(group.key()))))
                .toList();
        return new FigureResponses.Caseload(DefinitionRef.of(asked.definition()), computed.asOf(),
                computed.position(), FigureResponses.LEDGER, date, groups);
    }

    public FigureResponses.Completeness completeness(FigureRequest request, CellTracer tracer) {
        Asked asked = asked(request);
        Stage stage = request.choice("stage", Stage.class, Stage.RECORDED);
        asked.canonical().put("stage", stage.name());
        var computed = compute(asked, new EthnicityFigure(asked.scope(), stage, EthnicityScheme.BEST,
                EthnicityScheme.Level.GROUP, tracer));
        FigureIds.Query query = ids.record("ethnicity-completeness", asked.canonical(), computed.position());
        List<FigureResponses.CompletenessGroup> groups = computed.result().completeness().stream()
                .map(group -> new FigureResponses.CompletenessGroup(group.key().values(), group.selfDefined(),
                        group.officerOnly(), group.notRecorded(), group.total(), group.shareRecorded(),
                        query.cell(EthnicityFigure.completenessCell(group.key()))))
                .toList();
        return new FigureResponses.Completeness(DefinitionRef.of(asked.definition()), computed.asOf(),
                computed.position(), FigureResponses.LEDGER, stage.name(), asked.scope().from(), asked.scope().to(),
                groups);
    }
}
