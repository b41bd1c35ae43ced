package org.casetrail.projections.figures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * SEMANTICS 6.5, cold cases: qualifying cases reopened (by the operation, if given) within the range after having been
 * closed, how long they had been closed, what happened to their suspects after the reopening, and how many closed
 * again.
 */
public final class ColdCasesFigure implements CaseFigure<ColdCasesFigure.Result> {

    public record Group(GroupKey key, long reopened, Long medianDaysClosed, long arrestedAfter, long chargedAfter,
                        long convictedAfter, long reclosed) {
    }

    public record Result(String operation, List<Group> groups) {
    }

    private final FigureScope scope;
    private final StageReading reading;
    private final String operation;
    private final Map<GroupKey, Members> groups = new HashMap<>();
    private final CellTracer tracer;

    public ColdCasesFigure(FigureScope scope, String operation) {
        this(scope, operation, CellTracer.NONE);
    }

    public ColdCasesFigure(FigureScope scope, String operation, CellTracer tracer) {
        this.scope = scope;
        this.reading = scope.reading();
        this.operation = operation;
        this.tracer = tracer;
    }

    /** A cell: one group of reopened cases. */
    public static List<Object> cell(GroupKey key) {
        return List.of(key.values());
    }

    private static final class Members {
        final List<Long> daysClosed = new ArrayList<>();
        long arrested;
        long charged;
        long convicted;
        long reclosed;
    }

    /**
     * A reopening that makes a case cold (a {@code CASE_REOPENED} with a closing dated before it), with what a cold case
     * counts of it: the days since the latest closing before it, the suspects with a direct arrest, charge or
     * conviction dated on or after it, and whether a closing is dated after it.
     */
    public record Reopening(EffectiveEvent event, EffectiveEvent lastClosure, long daysClosed, long arrestedAfter,
                            long chargedAfter, long convictedAfter, boolean reclosed) {

        public LocalDate reopenedOn() {
            return event.occurredOn();
        }

        public String operation() {
            return event.fields().operation();
        }
    }

    /** Every reopening of the case that follows a closing, in no particular order. */
    public static List<Reopening> reopenings(EffectiveCase c, StageReading reading) {
        List<LocalDate> closings = c.events(EventType.CASE_CLOSED).stream().map(EffectiveEvent::occurredOn).toList();
        List<Reopening> reopenings = new ArrayList<>();
        for (EffectiveEvent event : c.events(EventType.CASE_REOPENED)) {
            LocalDate reopened = event.occurredOn();
            if (reopened == null || closings.stream().noneMatch(closed -> closed.isBefore(reopened))) {
                continue;
            }
            EffectiveEvent lastClosure = c.events(EventType.CASE_CLOSED).stream()
                    .filter(closed -> closed.occurredOn().isBefore(reopened))
                    .max(Comparator.comparing(EffectiveEvent::occurredOn)).orElseThrow();
            reopenings.add(new Reopening(event, lastClosure,
                    ChronoUnit.DAYS.between(lastClosure.occurredOn(), reopened),
                    suspectsWithDirect(c, reading, Stage.ARRESTED, reopened),
                    suspectsWithDirect(c, reading, Stage.CHARGED, reopened),
                    suspectsWithDirect(c, reading, Stage.CONVICTED, reopened),
                    closings.stream().anyMatch(closed -> closed.isAfter(reopened))));
        }
        return reopenings;
    }

    /** The reopening that makes a case count: the earliest (then first stored) matching the operation and range. */
    public static final Comparator<Reopening> FIRST = Comparator.comparing(Reopening::reopenedOn)
            .thenComparingLong(reopening -> reopening.event().recorded().position());

    /** What an operation is matched by: its name ignoring case (null: none given). */
    public static String operationKey(String operation) {
        return operation == null ? null : operation.toLowerCase(Locale.ROOT);
    }

    @Override
    public void accept(EffectiveCase c) {
        if (!scope.counts(c, reading)) {
            return;
        }
        Optional<Reopening> first = reopenings(c, reading).stream()
                .filter(reopening -> operation == null
                        || operationKey(operation).equals(operationKey(reopening.operation())))
                .filter(reopening -> scope.inRange(reopening.reopenedOn()))
                .min(FIRST);
        if (first.isEmpty()) {
            return;
        }
        Reopening reopening = first.get();
        GroupKey key = scope.key(c, reopening.reopenedOn());
        Members members = groups.computeIfAbsent(key, k -> new Members());
        tracer.offer(cell(key), () -> new Contributor(c.caseRef(), null, null, "reopened",
                List.of(reopening.lastClosure(), reopening.event())));
        members.daysClosed.add(reopening.daysClosed());
        members.arrested += reopening.arrestedAfter();
        members.charged += reopening.chargedAfter();
        members.convicted += reopening.convictedAfter();
        if (reopening.reclosed()) {
            members.reclosed++;
        }
    }

    private static long suspectsWithDirect(EffectiveCase c, StageReading reading, Stage stage, LocalDate from) {
        Set<String> suspects = new HashSet<>();
        for (String suspect : c.suspectRefs()) {
            if (reading.directEvents(c, suspect, stage).stream().anyMatch(event -> !event.occurredOn().isBefore(from))) {
                suspects.add(suspect);
            }
        }
        return suspects.size();
    }

    @Override
    public Result result() {
        List<Group> result = new ArrayList<>();
        new TreeMap<>(groups).forEach((key, members) -> result.add(group(key, members.daysClosed, members.arrested,
                members.charged, members.convicted, members.reclosed)));
        return new Result(operation, result);
    }

    /** A group of cold cases, one per day count closed; the median of those days is the nearest-rank one. */
    public static Group group(GroupKey key, List<Long> daysClosed, long arrestedAfter, long chargedAfter,
                              long convictedAfter, long reclosed) {
        List<Long> days = new ArrayList<>(daysClosed);
        days.sort(Long::compare);
        return new Group(key, days.size(), Rates.quantile(days, 50), arrestedAfter, chargedAfter, convictedAfter,
                reclosed);
    }
}
