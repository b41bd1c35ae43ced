package org.casetrail.projections.figures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
        long reopened;
        final List<Long> daysClosed = new ArrayList<>();
        long arrested;
        long charged;
        long convicted;
        long reclosed;
    }

    @Override
    public void accept(EffectiveCase c) {
        if (!scope.counts(c, reading)) {
            return;
        }
        List<LocalDate> closings = c.events(EventType.CASE_CLOSED).stream().map(EffectiveEvent::occurredOn).toList();
        Optional<EffectiveEvent> reopening = c.events(EventType.CASE_REOPENED).stream()
                .filter(event -> operation == null || operation.equalsIgnoreCase(event.fields().operation()))
                .filter(event -> scope.inRange(event.occurredOn()))
                .filter(event -> closings.stream().anyMatch(closed -> closed.isBefore(event.occurredOn())))
                .min(Comparator.comparing(EffectiveEvent::occurredOn)
                        .thenComparingLong(event -> event.recorded().position()));
        if (reopening.isEmpty()) {
            return;
        }
        LocalDate reopened = reopening.get().occurredOn();
        GroupKey key = scope.key(c, reopened);
        Members members = groups.computeIfAbsent(key, k -> new Members());
        members.reopened++;
        EffectiveEvent lastClosure = c.events(EventType.CASE_CLOSED).stream()
                .filter(closed -> closed.occurredOn().isBefore(reopened))
                .max(Comparator.comparing(EffectiveEvent::occurredOn)).orElseThrow();
        LocalDate lastClosed = lastClosure.occurredOn();
        tracer.offer(cell(key), () -> new Contributor(c.caseRef(), null, null, "reopened",
                List.of(lastClosure, reopening.get())));
        members.daysClosed.add(ChronoUnit.DAYS.between(lastClosed, reopened));
        members.arrested += suspectsWithDirect(c, Stage.ARRESTED, reopened);
        members.charged += suspectsWithDirect(c, Stage.CHARGED, reopened);
        members.convicted += suspectsWithDirect(c, Stage.CONVICTED, reopened);
        if (closings.stream().anyMatch(closed -> closed.isAfter(reopened))) {
            members.reclosed++;
        }
    }

    private long suspectsWithDirect(EffectiveCase c, Stage stage, LocalDate from) {
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
        new TreeMap<>(groups).forEach((key, members) -> {
            List<Long> days = new ArrayList<>(members.daysClosed);
            days.sort(Long::compare);
            result.add(new Group(key, members.reopened, Rates.quantile(days, 50), members.arrested, members.charged,
                    members.convicted, members.reclosed));
        });
        return new Result(operation, result);
    }
}
