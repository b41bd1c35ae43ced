package org.casetrail.projections.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveEvent;

/**
 * SEMANTICS 6.4, lags: for the suspects whose start date lies in the range, how long until the end stage. Each member
 * is completed, invalid (end before start), undated (end reached only by implication), competing (an exit came first)
 * or censored (still waiting on the censoring date {@code asOf}).
 */
public final class LagsFigure implements CaseFigure<LagsFigure.Result> {

    /** Where a lag starts: a stage, or the first day of the offending ({@code offence_from}). */
    public enum Start {
        OFFENCE, RECORDED, ARRESTED, CHARGED, PROSECUTED, CONVICTED;

        Stage stage() {
            return this == OFFENCE ? null : Stage.valueOf(name());
        }
    }

    public enum LagClass { COMPLETED, INVALID, UNDATED, COMPETING, CENSORED }

    public record Group(GroupKey key, long population, long completed, long censored, long competing, long undated,
                        long invalid, Long p25, Long p50, Long p75, Long p90, BigDecimal mean,
                        Long kaplanMeierMedian, Map<Integer, BigDecimal> cumulativeIncidence,
                        List<SurvivalStatistics.CurvePoint> curve) {
    }

    public record Result(Start start, Stage end, LocalDate censoredOn, List<Group> groups) {
    }

    private static final Set<EventType> SUSPECT_EXITS = EnumSet.of(EventType.NFA, EventType.OUT_OF_COURT,
            EventType.DISCONTINUED, EventType.ACQUITTED);

    private final FigureScope scope;
    private final StageReading reading;
    private final Start start;
    private final Stage end;
    private final LocalDate censoredOn;
    private final Map<GroupKey, Members> groups = new HashMap<>();
    private final CellTracer tracer;
    private final boolean curve;

    public LagsFigure(FigureScope scope, Start start, Stage end, LocalDate censoredOn) {
        this(scope, start, end, censoredOn, CellTracer.NONE);
    }

    public LagsFigure(FigureScope scope, Start start, Stage end, LocalDate censoredOn, CellTracer tracer) {
        this(scope, start, end, censoredOn, false, tracer);
    }

    /** With {@code curve}, each group also has its Kaplan-Meier and cumulative-incidence step curve. */
    public LagsFigure(FigureScope scope, Start start, Stage end, LocalDate censoredOn, boolean curve,
                      CellTracer tracer) {
        this.curve = curve;
        this.scope = scope;
        this.reading = scope.reading();
        this.start = start;
        this.end = end;
        this.censoredOn = censoredOn;
        this.tracer = tracer;
    }

    /** A cell: one group, every number of which comes from the same members. */
    public static List<Object> cell(GroupKey key) {
        return List.of(key.values());
    }

    /** The members of one group: how many of each class, and the times of those that have one. */
    public static final class Members {
        private final long[] classes = new long[LagClass.values().length];
        private final SurvivalStatistics.Timeline timeline = new SurvivalStatistics.Timeline();

        /** Counts {@code count} members of a class; {@code days} is their time (completed, competing, censored). */
        public void add(LagClass lagClass, long days, long count) {
            classes[lagClass.ordinal()] += count;
            switch (lagClass) {
                case COMPLETED -> timeline.add(SurvivalStatistics.Outcome.COMPLETED, days, count);
                case COMPETING -> timeline.add(SurvivalStatistics.Outcome.COMPETING, days, count);
                case CENSORED -> timeline.add(SurvivalStatistics.Outcome.CENSORED, days, count);
                case INVALID, UNDATED -> {
                }
            }
        }
    }

    @Override
    public void accept(EffectiveCase c) {
        if (!scope.counts(c, reading)) {
            return;
        }
        for (String suspect : c.suspectRefs()) {
            LocalDate started = start == Start.OFFENCE ? c.offenceFrom()
                    : reading.reach(c, suspect, start.stage()).date();
            if (!scope.inRange(started)) {
                continue;
            }
            GroupKey key = scope.key(c, started);
            Members members = groups.computeIfAbsent(key, k -> new Members());
            List<EffectiveEvent> startEvidence = start == Start.OFFENCE ? List.of(c.opened())
                    : reading.reach(c, suspect, start.stage()).direct();
            StageReach ended = reading.reach(c, suspect, end);
            LagClass lagClass;
            long days = 0;
            List<EffectiveEvent> endEvidence = List.of();
            if (ended.reached()) {
                LocalDate endDate = ended.date();
                endEvidence = ended.evidence();
                if (endDate == null) {
                    lagClass = LagClass.UNDATED;
                } else if (endDate.isBefore(started)) {
                    lagClass = LagClass.INVALID;
                } else {
                    lagClass = LagClass.COMPLETED;
                    days = ChronoUnit.DAYS.between(started, endDate);
                }
            } else {
                Optional<EffectiveEvent> exit = exits(c, suspect).stream()
                        .filter(event -> !event.occurredOn().isBefore(started))
                        .min(Comparator.comparing(EffectiveEvent::occurredOn));
                if (exit.isPresent()) {
                    lagClass = LagClass.COMPETING;
                    endEvidence = List.of(exit.get());
                    days = ChronoUnit.DAYS.between(started, exit.get().occurredOn());
                } else {
                    lagClass = LagClass.CENSORED;
                    days = ChronoUnit.DAYS.between(started, censoredOn);
                }
            }
            members.add(lagClass, days, 1);
            List<EffectiveEvent> evidence = new ArrayList<>(startEvidence);
            evidence.addAll(endEvidence);
            tracer.offer(cell(key), () -> new Contributor(c.caseRef(), suspect, null,
                    lagClass.name().toLowerCase(Locale.ROOT), List.copyOf(evidence)));
        }
    }

    /**
     * The suspect's exits (SEMANTICS 6.4): its NFA, out-of-court disposal, discontinuance or acquittal, and every
     * closure of the case not followed by a reopening dated after it. A lag's competing exit is the earliest of them
     * dated on or after its start.
     */
    public static List<EffectiveEvent> exits(EffectiveCase c, String suspect) {
        List<LocalDate> reopenings = c.events(EventType.CASE_REOPENED).stream().map(EffectiveEvent::occurredOn)
                .toList();
        List<EffectiveEvent> exits = new ArrayList<>();
        c.suspectEvents(suspect).stream().filter(event -> SUSPECT_EXITS.contains(event.type())).forEach(exits::add);
        c.events(EventType.CASE_CLOSED).stream()
                .filter(closed -> reopenings.stream().noneMatch(reopened -> reopened.isAfter(closed.occurredOn())))
                .forEach(exits::add);
        return exits;
    }

    @Override
    public Result result() {
        return result(start, end, censoredOn, curve, groups);
    }

    /** The answer from its members, however they were counted. */
    public static Result result(Start start, Stage end, LocalDate censoredOn, boolean curve,
                                Map<GroupKey, Members> groups) {
        // The groups' statistics on every core: after a lags read they were a quarter of its time at a million cases
        // (sorting each group's times, the incidences, the curves), and each group's are its own.
        List<Group> result = new TreeMap<>(groups).entrySet().parallelStream()
                .map(group -> group(group.getKey(), group.getValue(), curve)).toList();
        return new Result(start, end, censoredOn, result);
    }

    private static Group group(GroupKey key, Members members, boolean curve) {
        SurvivalStatistics.Timeline timeline = members.timeline;
        long[] classes = members.classes;
        long population = Arrays.stream(classes).sum();
        return new Group(key, population, classes[LagClass.COMPLETED.ordinal()],
                classes[LagClass.CENSORED.ordinal()], classes[LagClass.COMPETING.ordinal()],
                classes[LagClass.UNDATED.ordinal()], classes[LagClass.INVALID.ordinal()],
                timeline.completedQuantile(25), timeline.completedQuantile(50), timeline.completedQuantile(75),
                timeline.completedQuantile(90), timeline.completedMean(),
                SurvivalStatistics.kaplanMeierMedian(timeline), SurvivalStatistics.cumulativeIncidence(timeline),
                curve ? SurvivalStatistics.curve(timeline) : null);
    }
}
