package org.casetrail.projections.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveEvent;

/**
 * SEMANTICS 6.3, period counts: for each stage and exit, the distinct suspects (or cases, or victims) with at least
 * one effective event of that type dated in the range. Stages are reached directly only, never by implication; the
 * case-level types count every suspect of the case; a victim counts for any type its case has in the range, and for
 * VICTIM_RECORDED when its own record is dated in it.
 */
public final class PeriodCountsFigure implements CaseFigure<PeriodCountsFigure.Result> {

    /** The counted types, in the order answers list them. */
    public enum Counted {
        RECORDED, ARRESTED, CHARGED, PROSECUTED, CONVICTED, NFA, OUT_OF_COURT, DISCONTINUED, ACQUITTED,
        CONVICTION_QUASHED, CASE_CLOSED, CASE_REOPENED,
        /** Victims identified: counted with unit {@code victim} only, last. */
        VICTIM_RECORDED;

        /** The types an answer lists for a unit. */
        static List<Counted> listed(FunnelFigure.Unit unit) {
            return Arrays.stream(values())
                    .filter(counted -> counted != VICTIM_RECORDED || unit == FunnelFigure.Unit.VICTIM).toList();
        }

        boolean isCaseLevel() {
            return this == RECORDED || this == CASE_CLOSED || this == CASE_REOPENED;
        }

        Stage stage() {
            return switch (this) {
                case RECORDED -> Stage.RECORDED;
                case ARRESTED -> Stage.ARRESTED;
                case CHARGED -> Stage.CHARGED;
                case PROSECUTED -> Stage.PROSECUTED;
                case CONVICTED -> Stage.CONVICTED;
                default -> null;
            };
        }
    }

    public record Count(Counted stage, long count) {
    }

    public record Group(GroupKey key, List<Count> counts) {
    }

    public record Result(FunnelFigure.Unit unit, List<Group> groups) {
    }

    private final FigureScope scope;
    private final StageReading reading;
    private final FunnelFigure.Unit unit;
    private final Map<GroupKey, long[]> counts = new HashMap<>();
    private final CellTracer tracer;

    public PeriodCountsFigure(FigureScope scope, FunnelFigure.Unit unit) {
        this(scope, unit, CellTracer.NONE);
    }

    public PeriodCountsFigure(FigureScope scope, FunnelFigure.Unit unit, CellTracer tracer) {
        this.scope = scope;
        this.reading = scope.reading();
        this.unit = unit;
        this.tracer = tracer;
    }

    /** A cell: one counted type of one group. */
    public static List<Object> cell(GroupKey key, Counted counted) {
        return List.of(key.values(), counted);
    }

    @Override
    public void accept(EffectiveCase c) {
        if (!scope.counts(c, reading)) {
            return;
        }
        Map<GroupKey, Map<Counted, Map<String, List<EffectiveEvent>>>> members = new HashMap<>();
        forEachCounted(c, reading, unit, (counted, member, event) -> {
            if (scope.inRange(event.occurredOn())) {
                members(members, c, event.occurredOn(), counted).computeIfAbsent(member, m -> new ArrayList<>())
                        .add(event);
            }
        });
        members.forEach((key, byType) -> {
            long[] group = counts.computeIfAbsent(key, k -> new long[Counted.values().length]);
            byType.forEach((counted, found) -> {
                group[counted.ordinal()] += found.size();
                found.forEach((member, events) -> tracer.offer(cell(key, counted), () -> new Contributor(
                        c.caseRef(), unit == FunnelFigure.Unit.SUSPECT ? member : null,
                        unit == FunnelFigure.Unit.VICTIM ? member : null, counted.name(), List.copyOf(events))));
            });
        });
    }

    /**
     * What one qualifying case counts, unit by unit, over all its dates at once: per counted type, the years in which
     * each of its members has such an event. A member counts once in each of those years, and once over all years.
     */
    public static Map<FunnelFigure.Unit, Map<Counted, Map<String, Set<Integer>>>> yearsOfCase(EffectiveCase c,
                                                                                           StageReading reading) {
        Map<FunnelFigure.Unit, Map<Counted, Map<String, Set<Integer>>>> years = new EnumMap<>(FunnelFigure.Unit.class);
        for (FunnelFigure.Unit unit : FunnelFigure.Unit.values()) {
            Map<Counted, Map<String, Set<Integer>>> ofUnit = new EnumMap<>(Counted.class);
            forEachCounted(c, reading, unit, (counted, member, event) -> ofUnit
                    .computeIfAbsent(counted, type -> new HashMap<>())
                    .computeIfAbsent(member, m -> new TreeSet<>()).add(event.occurredOn().getYear()));
            years.put(unit, ofUnit);
        }
        return years;
    }

    private interface CountedEvent {
        void accept(Counted counted, String member, EffectiveEvent event);
    }

    /** Every (type, member, event) the figure counts of a case, whatever its date. */
    private static void forEachCounted(EffectiveCase c, StageReading reading, FunnelFigure.Unit unit,
                                       CountedEvent sink) {
        List<String> victims = c.victims().stream().map(victim -> victim.fields().victimRef()).toList();
        for (Counted counted : Counted.listed(unit)) {
            if (counted == Counted.VICTIM_RECORDED) {
                for (EffectiveEvent victim : c.victims()) {
                    sink.accept(counted, victim.fields().victimRef(), victim);
                }
            } else if (counted.isCaseLevel()) {
                List<String> counting = switch (unit) {
                    case CASE -> List.of(c.caseRef());
                    case SUSPECT -> c.suspectRefs();
                    case VICTIM -> victims;
                };
                for (EffectiveEvent event : caseEvents(c, counted)) {
                    counting.forEach(member -> sink.accept(counted, member, event));
                }
            } else {
                for (String suspect : c.suspectRefs()) {
                    List<String> counting = switch (unit) {
                        case CASE -> List.of(c.caseRef());
                        case SUSPECT -> List.of(suspect);
                        case VICTIM -> victims;
                    };
                    for (EffectiveEvent event : suspectEvents(c, reading, suspect, counted)) {
                        counting.forEach(member -> sink.accept(counted, member, event));
                    }
                }
            }
        }
    }

    private Map<String, List<EffectiveEvent>> members(
            Map<GroupKey, Map<Counted, Map<String, List<EffectiveEvent>>>> members, EffectiveCase c, LocalDate day,
            Counted counted) {
        return members.computeIfAbsent(scope.key(c, day), key -> new EnumMap<>(Counted.class))
                .computeIfAbsent(counted, type -> new LinkedHashMap<>());
    }

    private static List<EffectiveEvent> caseEvents(EffectiveCase c, Counted counted) {
        return switch (counted) {
            case RECORDED -> List.of(c.opened());
            case CASE_CLOSED -> c.events(EventType.CASE_CLOSED);
            default -> c.events(EventType.CASE_REOPENED);
        };
    }

    private static List<EffectiveEvent> suspectEvents(EffectiveCase c, StageReading reading, String suspect,
                                                      Counted counted) {
        if (counted.stage() != null) {
            return reading.directEvents(c, suspect, counted.stage());
        }
        EventType type = EventType.valueOf(counted.name());
        return c.suspectEvents(suspect).stream().filter(event -> event.type() == type).toList();
    }

    @Override
    public Result result() {
        return result(unit, counts);
    }

    /** The answer from counts per group (in {@link Counted} order); a group with nothing counted is left out. */
    public static Result result(FunnelFigure.Unit unit, Map<GroupKey, long[]> counts) {
        List<Group> groups = new ArrayList<>();
        new TreeMap<>(counts).forEach((key, group) -> {
            if (Arrays.stream(group).allMatch(count -> count == 0)) {
                return;
            }
            List<Count> rows = new ArrayList<>();
            for (Counted counted : Counted.listed(unit)) {
                rows.add(new Count(counted, group[counted.ordinal()]));
            }
            groups.add(new Group(key, rows));
        });
        return new Result(unit, groups);
    }
}
