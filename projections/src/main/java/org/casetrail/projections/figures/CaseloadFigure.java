package org.casetrail.projections.figures;

import java.time.LocalDate;
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
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.casetrail.core.pipeline.EventType;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveEvent;

/**
 * SEMANTICS 6.7, the caseload at a date: a stock, not a flow. Among the qualifying cases opened on or before the date,
 * the live cases, the known suspects of live cases still under investigation, the charged suspects of any of those
 * cases awaiting an outcome, and the victims of live cases recorded by then.
 */
public final class CaseloadFigure implements CaseFigure<CaseloadFigure.Result> {

    /** The four measures, in the answer's order; a member's role in a trace is its measure. */
    public enum Measure { LIVE_CASES, SUSPECTS_UNDER_INVESTIGATION, SUSPECTS_AWAITING_OUTCOME, VICTIMS_IN_LIVE_CASES }

    public record Group(GroupKey key, long liveCases, long suspectsUnderInvestigation, long suspectsAwaitingOutcome,
                        long victimsInLiveCases) {
    }

    public record Result(LocalDate date, List<Group> groups) {
    }

    private static final Set<EventType> CHARGES = EnumSet.of(EventType.CHARGED, EventType.PROSECUTED);
    private static final Set<EventType> OUTCOMES = EnumSet.of(EventType.NFA, EventType.OUT_OF_COURT,
            EventType.DISCONTINUED, EventType.ACQUITTED, EventType.CONVICTED);

    private final FigureScope scope;
    private final StageReading reading;
    private final LocalDate date;
    private final CellTracer tracer;
    private final Map<GroupKey, long[]> counts = new HashMap<>();

    public CaseloadFigure(FigureScope scope, LocalDate date, CellTracer tracer) {
        this.scope = scope;
        this.reading = scope.reading();
        this.date = date;
        this.tracer = tracer;
    }

    /** A cell: one group, its four numbers made of the same cases. */
    public static List<Object> cell(GroupKey key) {
        return List.of("caseload", key.values());
    }

    @Override
    public void accept(EffectiveCase c) {
        if (!scope.counts(c, reading)) {
            return;
        }
        GroupKey key = scope.key(c, date);
        long[] group = measures(c, date, (suspect, victim, measure, evidence) ->
                tracer.offer(cell(key), () -> new Contributor(c.caseRef(), suspect, victim, role(measure),
                        List.copyOf(new ArrayList<>(evidence)))));
        if (Arrays.stream(group).anyMatch(count -> count > 0)) {
            long[] total = counts.computeIfAbsent(key, k -> new long[Measure.values().length]);
            for (int i = 0; i < group.length; i++) {
                total[i] += group[i];
            }
        }
    }

    /** A member counted in a measure, with the events that make it count. */
    private interface Witness {
        void counted(String suspect, String victim, Measure measure, List<EffectiveEvent> evidence);
    }

    /**
     * A qualifying case's caseload as changes: each date on which one of its four numbers changes, and by how much
     * (in {@link Measure} order). Its numbers change only on the dates of its events (every condition is "dated on or
     * before the date"), so the changes are the differences between its numbers on those dates, and summed up to a
     * date they are its numbers on that date.
     */
    public static SortedMap<LocalDate, long[]> changes(EffectiveCase c) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        c.events().forEach(event -> {
            if (event.occurredOn() != null) {
                dates.add(event.occurredOn());
            }
        });
        SortedMap<LocalDate, long[]> changes = new TreeMap<>();
        long[] before = new long[Measure.values().length];
        for (LocalDate day : dates) {
            long[] now = measures(c, day, (suspect, victim, measure, evidence) -> { });
            long[] change = new long[now.length];
            for (int i = 0; i < now.length; i++) {
                change[i] = now[i] - before[i];
            }
            if (Arrays.stream(change).anyMatch(delta -> delta != 0)) {
                changes.put(day, change);
            }
            before = now;
        }
        return changes;
    }

    /** The case's four numbers on a date (none before its opening), each member counted offered to the witness. */
    private static long[] measures(EffectiveCase c, LocalDate date, Witness witness) {
        long[] group = new long[Measure.values().length];
        if (c.openedOn().isAfter(date)) {
            return group;
        }
        Optional<List<EffectiveEvent>> live = liveEvidence(c, date);
        if (live.isPresent()) {
            group[Measure.LIVE_CASES.ordinal()]++;
            witness.counted(null, null, Measure.LIVE_CASES, live.get());
        }
        for (String suspect : c.suspectRefs()) {
            List<EffectiveEvent> events = onOrBefore(c.suspectEvents(suspect), date);
            if (events.isEmpty()) {
                continue;
            }
            List<EffectiveEvent> charges = events.stream().filter(event -> CHARGES.contains(event.type())).toList();
            if (hasOutcome(events)) {
                continue;
            }
            if (charges.isEmpty() && live.isPresent()) {
                group[Measure.SUSPECTS_UNDER_INVESTIGATION.ordinal()]++;
                witness.counted(suspect, null, Measure.SUSPECTS_UNDER_INVESTIGATION, List.of(earliest(events)));
            } else if (!charges.isEmpty()) {
                group[Measure.SUSPECTS_AWAITING_OUTCOME.ordinal()]++;
                witness.counted(suspect, null, Measure.SUSPECTS_AWAITING_OUTCOME, charges);
            }
        }
        if (live.isPresent()) {
            for (EffectiveEvent victim : onOrBefore(c.victims(), date)) {
                group[Measure.VICTIMS_IN_LIVE_CASES.ordinal()]++;
                witness.counted(null, victim.fields().victimRef(), Measure.VICTIMS_IN_LIVE_CASES, List.of(victim));
            }
        }
        return group;
    }

    /**
     * The case is live when it has no closing dated on or before the date, or its latest such closing is followed by a
     * reopening dated after it and on or before the date; the evidence is its opening and that reopening.
     */
    private static Optional<List<EffectiveEvent>> liveEvidence(EffectiveCase c, LocalDate date) {
        Optional<EffectiveEvent> lastClosing = onOrBefore(c.events(EventType.CASE_CLOSED), date).stream()
                .max(Comparator.comparing(EffectiveEvent::occurredOn));
        if (lastClosing.isEmpty()) {
            return Optional.of(List.of(c.opened()));
        }
        LocalDate closed = lastClosing.get().occurredOn();
        return onOrBefore(c.events(EventType.CASE_REOPENED), date).stream()
                .filter(reopened -> reopened.occurredOn().isAfter(closed))
                .min(Comparator.comparing(EffectiveEvent::occurredOn))
                .map(reopened -> List.of(c.opened(), reopened));
    }

    /** An outcome by the date; a conviction quashed on or after it and by the date is none, whatever the definition. */
    private static boolean hasOutcome(List<EffectiveEvent> events) {
        List<LocalDate> quashed = events.stream().filter(event -> event.type() == EventType.CONVICTION_QUASHED)
                .map(EffectiveEvent::occurredOn).toList();
        return events.stream().filter(event -> OUTCOMES.contains(event.type())).anyMatch(event ->
                event.type() != EventType.CONVICTED
                        || quashed.stream().noneMatch(day -> !day.isBefore(event.occurredOn())));
    }

    private static List<EffectiveEvent> onOrBefore(List<EffectiveEvent> events, LocalDate date) {
        return events.stream().filter(event -> event.occurredOn() != null && !event.occurredOn().isAfter(date))
                .toList();
    }

    private static EffectiveEvent earliest(List<EffectiveEvent> events) {
        return events.stream().min(Comparator.comparing(EffectiveEvent::occurredOn)).orElseThrow();
    }

    /** The measure as the answer names it: liveCases, suspectsUnderInvestigation, ... */
    public static String role(Measure measure) {
        String[] words = measure.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    @Override
    public Result result() {
        return result(date, counts);
    }

    /** The answer from the four numbers per group (in {@link Measure} order), groups in key order. */
    public static Result result(LocalDate date, Map<GroupKey, long[]> counts) {
        List<Group> groups = new ArrayList<>();
        new TreeMap<>(counts).forEach((key, group) -> groups.add(new Group(key,
                group[Measure.LIVE_CASES.ordinal()], group[Measure.SUSPECTS_UNDER_INVESTIGATION.ordinal()],
                group[Measure.SUSPECTS_AWAITING_OUTCOME.ordinal()], group[Measure.VICTIMS_IN_LIVE_CASES.ordinal()])));
        return new Result(date, groups);
    }
}
