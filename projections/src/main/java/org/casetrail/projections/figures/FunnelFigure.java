package org.casetrail.projections.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveEvent;

/**
 * SEMANTICS 6.2, the cohort funnel: the suspects (or cases, or the victims of those cases) whose entry stage date lies
 * in the range, and how many of them reached each stage from the entry to CONVICTED, and how many only by
 * implication.
 */
public final class FunnelFigure implements CaseFigure<FunnelFigure.Result> {

    /** Who is counted: suspects, cases, or the victims of the cohort's cases (each reaching what its case reaches). */
    public enum Unit { SUSPECT, CASE, VICTIM }

    public record StageCount(Stage stage, long count, long implied, BigDecimal rateFromPrevious,
                             BigDecimal rateFromEntry) {
    }

    public record Group(GroupKey key, List<StageCount> stages) {
    }

    public record Result(Stage entry, Unit unit, List<Group> groups) {
    }

    private final FigureScope scope;
    private final StageReading reading;
    private final Stage entry;
    private final Unit unit;
    private final List<Stage> stages;
    private final Map<GroupKey, long[][]> counts = new HashMap<>();
    private final CellTracer tracer;

    public FunnelFigure(FigureScope scope, Stage entry, Unit unit) {
        this(scope, entry, unit, CellTracer.NONE);
    }

    public FunnelFigure(FigureScope scope, Stage entry, Unit unit, CellTracer tracer) {
        if (entry != Stage.RECORDED && entry != Stage.ARRESTED) {
            throw new IllegalArgumentException("entry is RECORDED or ARRESTED");
        }
        this.scope = scope;
        this.reading = scope.reading();
        this.entry = entry;
        this.unit = unit;
        this.stages = stagesFrom(entry);
        this.tracer = tracer;
    }

    /**
     * Counts on top of these (per group, per stage from the entry, {count, implied}): what a model counted of the cases
     * that were not changed since the cut this figure is folded at.
     */
    public FunnelFigure addingTo(Map<GroupKey, long[][]> counted) {
        counted.forEach((key, group) -> {
            long[][] copy = new long[group.length][];
            for (int i = 0; i < group.length; i++) {
                copy[i] = group[i].clone();
            }
            counts.merge(key, copy, FunnelFigure::sum);
        });
        return this;
    }

    private static long[][] sum(long[][] a, long[][] b) {
        for (int i = 0; i < a.length; i++) {
            a[i][0] += b[i][0];
            a[i][1] += b[i][1];
        }
        return a;
    }

    /** A cell of the funnel: one stage of one group. Figure ids and traces name cells so. */
    public static List<Object> cell(GroupKey key, Stage stage) {
        return List.of(key.values(), stage);
    }

    @Override
    public void accept(EffectiveCase c) {
        if (!scope.counts(c, reading)) {
            return;
        }
        if (unit == Unit.SUSPECT) {
            for (String suspect : c.suspectRefs()) {
                Map<Stage, StageReach> reached = reading.stages(c, suspect);
                LocalDate entered = reached.get(entry).date();
                if (scope.inRange(entered)) {
                    GroupKey key = scope.key(c, entered);
                    tally(key, stage -> reached.get(stage).reached(), stage -> reached.get(stage).impliedOnly());
                    for (Stage stage : stages) {
                        StageReach reach = reached.get(stage);
                        if (reach.reached()) {
                            tracer.offer(cell(key, stage), () -> new Contributor(c.caseRef(), suspect, null,
                                    reach.impliedOnly() ? "implied" : "direct", reach.evidence()));
                        }
                    }
                }
            }
        } else {
            List<Map<Stage, StageReach>> suspects = c.suspectRefs().stream()
                    .map(suspect -> reading.stages(c, suspect)).toList();
            LocalDate entered = entry == Stage.RECORDED ? c.openedOn()
                    : suspects.stream().map(stagesOf -> stagesOf.get(Stage.ARRESTED).date())
                    .filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
            if (scope.inRange(entered)) {
                Predicate<Stage> reached = stage -> stage == Stage.RECORDED
                        || suspects.stream().anyMatch(stagesOf -> stagesOf.get(stage).reached());
                Predicate<Stage> impliedOnly = stage -> stage != Stage.RECORDED
                        && suspects.stream().noneMatch(stagesOf -> stagesOf.get(stage).reachedDirectly());
                GroupKey key = scope.key(c, entered);
                List<EffectiveEvent> victims = unit == Unit.VICTIM ? c.victims() : null;
                int members = unit == Unit.VICTIM ? victims.size() : 1;
                for (int m = 0; m < members; m++) {
                    tally(key, reached, impliedOnly);
                }
                for (Stage stage : stages) {
                    if (!reached.test(stage)) {
                        continue;
                    }
                    String role = impliedOnly.test(stage) ? "implied" : "direct";
                    List<EffectiveEvent> evidence = stage == Stage.RECORDED ? List.of(c.opened()) : suspects.stream()
                            .flatMap(stagesOf -> stagesOf.get(stage).evidence().stream()).toList();
                    if (unit == Unit.CASE) {
                        tracer.offer(cell(key, stage), () -> new Contributor(c.caseRef(), null, null, role, evidence));
                    } else {
                        for (EffectiveEvent victim : victims) {
                            tracer.offer(cell(key, stage), () -> new Contributor(c.caseRef(), null,
                                    victim.fields().victimRef(), role, withVictim(evidence, victim)));
                        }
                    }
                }
            }
        }
    }

    private static List<EffectiveEvent> withVictim(List<EffectiveEvent> evidence, EffectiveEvent victim) {
        List<EffectiveEvent> events = new ArrayList<>(evidence);
        events.add(victim);
        return List.copyOf(events);
    }

    private void tally(GroupKey key, Predicate<Stage> reached,
                       Predicate<Stage> impliedOnly) {
        long[][] group = counts.computeIfAbsent(key, k -> new long[stages.size()][2]);
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (reached.test(stage)) {
                group[i][0]++;
                if (impliedOnly.test(stage)) {
                    group[i][1]++;
                }
            }
        }
    }

    @Override
    public Result result() {
        return result(entry, unit, counts);
    }

    /** The stages from the entry to CONVICTED. */
    public static List<Stage> stagesFrom(Stage entry) {
        return Arrays.stream(Stage.values()).filter(stage -> stage.compareTo(entry) >= 0).toList();
    }

    /**
     * The answer from counts: per group, per stage from the entry, {count, implied}; a group with no member at its
     * entry is left out. Rates are worked out here, the same whether the counts came from the effective view, from a
     * definition's current-state model, or from both.
     */
    public static Result result(Stage entry, Unit unit, Map<GroupKey, long[][]> counts) {
        List<Stage> stages = stagesFrom(entry);
        List<Group> groups = new ArrayList<>();
        new TreeMap<>(counts).forEach((key, group) -> {
            if (group[0][0] == 0) {
                return;
            }
            List<StageCount> rows = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                rows.add(new StageCount(stages.get(i), group[i][0], group[i][1],
                        i == 0 ? null : Rates.rate(group[i][0], group[i - 1][0]), Rates.rate(group[i][0], group[0][0])));
            }
            groups.add(new Group(key, rows));
        });
        return new Result(entry, unit, groups);
    }
}
