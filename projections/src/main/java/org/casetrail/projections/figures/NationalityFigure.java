package org.casetrail.projections.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveEvent;

/**
 * SEMANTICS 6.6, nationality: the suspects who reached a stage directly with its date in the range, by the nationality
 * of their SUSPECT_IDENTIFIED event: UK ({@code GBR}), Non-UK (any other code) or Not recorded; or by the code itself.
 */
public final class NationalityFigure implements CaseFigure<NationalityFigure.Result> {

    public static final String UK = "UK";
    public static final String NON_UK = "Non-UK";
    public static final String NOT_RECORDED = EthnicityScheme.NOT_RECORDED;
    private static final String UK_CODE = "GBR";

    public record SuspectCount(String nationality, long count) {
    }

    public record Group(GroupKey key, List<SuspectCount> suspects) {
    }

    public record Result(Stage stage, EthnicityScheme.Level level, List<Group> groups) {

        /** The ungrouped answer's suspects: those of the one group, or none. */
        public List<SuspectCount> ungrouped() {
            return groups.isEmpty() ? List.of() : groups.get(0).suspects();
        }
    }

    private final FigureScope scope;
    private final StageReading reading;
    private final Stage stage;
    private final EthnicityScheme.Level level;
    private final CellTracer tracer;
    private final Map<GroupKey, Map<String, Long>> counts = new HashMap<>();

    public NationalityFigure(FigureScope scope, Stage stage, EthnicityScheme.Level level, CellTracer tracer) {
        this.scope = scope;
        this.reading = scope.reading();
        this.stage = stage;
        this.level = level;
        this.tracer = tracer;
    }

    /** The cell of suspects of one nationality category in one group. */
    public static List<Object> cell(GroupKey key, String category) {
        return List.of("nationality", key.values(), category);
    }

    /** A suspect's category from its identification's nationality (none: not recorded). */
    public static String category(String nationality, EthnicityScheme.Level level) {
        return categoryOfCode(code(nationality), level);
    }

    /** The code a recorded nationality says, or null when it says nothing. */
    public static String code(String nationality) {
        return nationality == null || nationality.isBlank() ? null : nationality.strip();
    }

    /** The category of a nationality code (null: not recorded) at a level. */
    public static String categoryOfCode(String code, EthnicityScheme.Level level) {
        if (code == null) {
            return NOT_RECORDED;
        }
        if (level == EthnicityScheme.Level.CODE) {
            return code;
        }
        return code.equals(UK_CODE) ? UK : NON_UK;
    }

    @Override
    public void accept(EffectiveCase c) {
        if (!scope.counts(c, reading)) {
            return;
        }
        for (StageReading.SuspectAtStage suspect : reading.suspectsAt(c, stage, scope)) {
            String category = category(suspect.identification().map(event -> event.fields().nationality())
                    .orElse(null), level);
            GroupKey key = scope.key(c, suspect.reachedOn());
            counts.computeIfAbsent(key, k -> new HashMap<>()).merge(category, 1L, Long::sum);
            tracer.offer(cell(key, category), () -> new Contributor(c.caseRef(), suspect.suspectRef(), null, category,
                    suspect.evidence()));
        }
    }

    @Override
    public Result result() {
        return result(stage, level, counts);
    }

    /** The answer from suspects counted by category, per group, however they were counted. */
    public static Result result(Stage stage, EthnicityScheme.Level level, Map<GroupKey, Map<String, Long>> counts) {
        List<Group> groups = new ArrayList<>();
        new TreeMap<>(counts).forEach((key, byCategory) -> groups.add(new Group(key, byCategory.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(ORDER))
                .map(entry -> new SuspectCount(entry.getKey(), entry.getValue())).toList())));
        return new Result(stage, level, groups);
    }

    /** UK, then Non-UK (or the codes alphabetically, GBR first), Not recorded last. */
    private static final Comparator<String> ORDER = Comparator.comparingInt((String category) ->
            category.equals(UK) || category.equals(UK_CODE) ? 0 : category.equals(NOT_RECORDED) ? 2 : 1)
            .thenComparing(Comparator.naturalOrder());
}
