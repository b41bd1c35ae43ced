package org.casetrail.projections.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.core.reference.EthnicityCode;
import org.casetrail.core.reference.ReferenceData;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveEvent;

/**
 * SEMANTICS 6.6, ethnicity: the suspects who reached a stage directly with its date in the range, by ethnicity
 * category; the (suspect, victim) pairs of the same case by both categories; and how complete the recording is.
 */
public final class EthnicityFigure implements CaseFigure<EthnicityFigure.Result> {

    public static final String NO_VICTIM = "No victim recorded";

    public record SuspectCount(String suspectEthnicity, long count) {
    }

    public record PairCount(String suspectEthnicity, String victimEthnicity, long count) {
    }

    public record Completeness(GroupKey key, long selfDefined, long officerOnly, long notRecorded, long total,
                               BigDecimal shareRecorded) {
    }

    /** The suspects and pairs of one group (the only one, with key {@code {}}, without groupBy). */
    public record CategoryGroup(GroupKey key, List<SuspectCount> suspects, List<PairCount> pairs) {
    }

    public record Result(Stage stage, EthnicityScheme scheme, EthnicityScheme.Level level,
                         List<CategoryGroup> groups, List<Completeness> completeness) {

        /** The ungrouped answer's suspects and pairs: those of the one group, or none. */
        public CategoryGroup ungrouped() {
            return groups.isEmpty() ? new CategoryGroup(GroupKey.NONE, List.of(), List.of()) : groups.get(0);
        }
    }

    private final FigureScope scope;
    private final StageReading reading;
    private final Stage stage;
    private final EthnicityScheme scheme;
    private final EthnicityScheme.Level level;
    private final Map<GroupKey, Map<String, Long>> suspects = new HashMap<>();
    private final Map<GroupKey, Map<List<String>, Long>> pairs = new HashMap<>();
    private final Map<GroupKey, long[]> completeness = new HashMap<>();
    private final CellTracer tracer;

    public EthnicityFigure(FigureScope scope, Stage stage, EthnicityScheme scheme, EthnicityScheme.Level level) {
        this(scope, stage, scheme, level, CellTracer.NONE);
    }

    public EthnicityFigure(FigureScope scope, Stage stage, EthnicityScheme scheme, EthnicityScheme.Level level,
                           CellTracer tracer) {
        this.scope = scope;
        this.reading = scope.reading();
        this.stage = stage;
        this.scheme = scheme;
        this.level = level;
        this.tracer = tracer;
    }

    /** The cell of suspects of one category in one group (without groupBy, as cells were named before groups). */
    public static List<Object> suspectCell(GroupKey key, String category) {
        return key.values().isEmpty() ? List.of("suspects", category) : List.of("suspects", key.values(), category);
    }

    /** The cell of (suspect, victim) pairs of two categories in one group. */
    public static List<Object> pairCell(GroupKey key, String suspectCategory, String victimCategory) {
        return key.values().isEmpty() ? List.of("pairs", suspectCategory, victimCategory)
                : List.of("pairs", key.values(), suspectCategory, victimCategory);
    }

    /** The cell of one group's completeness. */
    public static List<Object> completenessCell(GroupKey key) {
        return List.of(key.values());
    }

    @Override
    public void accept(EffectiveCase c) {
        if (!scope.counts(c, reading)) {
            return;
        }
        List<EffectiveEvent> victims = c.victims();
        List<String> victimCategories = victims.stream().map(victim -> scheme.category(victim.fields(), level))
                .toList();
        for (StageReading.SuspectAtStage reached : reading.suspectsAt(c, stage, scope)) {
            String suspect = reached.suspectRef();
            RowFields person = reached.identification().map(EffectiveEvent::fields).orElse(null);
            String category = scheme.category(person, level);
            List<EffectiveEvent> evidence = reached.evidence();
            GroupKey key = scope.key(c, reached.reachedOn());
            suspects.computeIfAbsent(key, k -> new HashMap<>()).merge(category, 1L, Long::sum);
            tracer.offer(suspectCell(key, category), () -> new Contributor(c.caseRef(), suspect, null, category,
                    List.copyOf(evidence)));
            Map<List<String>, Long> groupPairs = pairs.computeIfAbsent(key, k -> new HashMap<>());
            if (victimCategories.isEmpty()) {
                groupPairs.merge(List.of(category, NO_VICTIM), 1L, Long::sum);
                tracer.offer(pairCell(key, category, NO_VICTIM), () -> new Contributor(c.caseRef(), suspect, null,
                        category + " / " + NO_VICTIM, List.copyOf(evidence)));
            } else {
                for (int v = 0; v < victims.size(); v++) {
                    EffectiveEvent victim = victims.get(v);
                    String victimCategory = victimCategories.get(v);
                    groupPairs.merge(List.of(category, victimCategory), 1L, Long::sum);
                    tracer.offer(pairCell(key, category, victimCategory), () -> {
                        List<EffectiveEvent> pairEvidence = new ArrayList<>(evidence);
                        pairEvidence.add(victim);
                        return new Contributor(c.caseRef(), suspect, victim.fields().victimRef(),
                                category + " / " + victimCategory, List.copyOf(pairEvidence));
                    });
                }
            }
            EthnicityScheme.Recording recording = EthnicityScheme.Recorded.of(person).recording();
            completeness.computeIfAbsent(key, k -> new long[EthnicityScheme.Recording.values().length])
                    [recording.ordinal()]++;
            tracer.offer(completenessCell(key), () -> new Contributor(c.caseRef(), suspect, null,
                    ROLES.get(recording), List.copyOf(evidence)));
        }
    }

    private static final Map<EthnicityScheme.Recording, String> ROLES = Map.of(
            EthnicityScheme.Recording.SELF_DEFINED, "selfDefined", EthnicityScheme.Recording.OFFICER_ONLY,
            "officerOnly", EthnicityScheme.Recording.NOT_RECORDED, "notRecorded");

    @Override
    public Result result() {
        return result(stage, scheme, level, suspects, pairs, completeness);
    }

    /**
     * The answer from its counts, however they were made: suspects by category, pairs by (suspect, victim) category,
     * and suspects by {@link EthnicityScheme.Recording} (indexed by its ordinal), per group.
     */
    public static Result result(Stage stage, EthnicityScheme scheme, EthnicityScheme.Level level,
                                Map<GroupKey, Map<String, Long>> suspects,
                                Map<GroupKey, Map<List<String>, Long>> pairs, Map<GroupKey, long[]> completeness) {
        List<CategoryGroup> groups = new ArrayList<>();
        new TreeMap<>(suspects).forEach((key, bySuspectCategory) -> {
            List<SuspectCount> bySuspect = new ArrayList<>();
            bySuspectCategory.entrySet().stream().sorted(Map.Entry.comparingByKey(EthnicityFigure::categoryOrder))
                    .forEach(entry -> bySuspect.add(new SuspectCount(entry.getKey(), entry.getValue())));
            List<RankedPair> ranked = new ArrayList<>();
            pairs.getOrDefault(key, Map.of()).forEach((pair, count) -> ranked.add(new RankedPair(rank(pair.get(0)),
                    rank(pair.get(1)), new PairCount(pair.get(0), pair.get(1), count))));
            ranked.sort(null);
            groups.add(new CategoryGroup(key, bySuspect, ranked.stream().map(RankedPair::pair).toList()));
        });
        List<Completeness> complete = new ArrayList<>();
        new TreeMap<>(completeness).forEach((key, counts) -> {
            long total = counts[0] + counts[1] + counts[2];
            complete.add(new Completeness(key, counts[0], counts[1], counts[2], total,
                    Rates.rate(counts[0] + counts[1], total)));
        });
        return new Result(stage, scheme, level, groups, complete);
    }

    /**
     * A pair with the ranks of its categories looked up once, not at each comparison of a sort (the lookups were most
     * of an answer's sorting, with tens of thousands of pairs at a million cases). Ordered as {@link #categoryOrder}
     * orders the suspect's category, then the victim's.
     */
    private record RankedPair(int suspectRank, int victimRank, PairCount pair) implements Comparable<RankedPair> {
        @Override
        public int compareTo(RankedPair other) {
            int bySuspect = Integer.compare(suspectRank, other.suspectRank);
            if (bySuspect != 0) {
                return bySuspect;
            }
            int bySuspectName = pair.suspectEthnicity().compareTo(other.pair.suspectEthnicity());
            if (bySuspectName != 0) {
                return bySuspectName;
            }
            int byVictim = Integer.compare(victimRank, other.victimRank);
            return byVictim != 0 ? byVictim : pair.victimEthnicity().compareTo(other.pair.victimEthnicity());
        }
    }

    /** Categories in the reference lists' order, "Not recorded" and "No victim recorded" last. */
    static int categoryOrder(String a, String b) {
        int byRank = Integer.compare(rank(a), rank(b));
        return byRank != 0 ? byRank : a.compareTo(b);
    }

    private static int rank(String category) {
        if (NO_VICTIM.equals(category)) {
            return 1_000_001;
        }
        if (EthnicityScheme.NOT_RECORDED.equals(category)) {
            return 1_000_000;
        }
        return CATEGORY_RANK.getOrDefault(category, 999_999);
    }

    private static final List<String> CATEGORY_ORDER = buildOrder();
    private static final Map<String, Integer> CATEGORY_RANK = IntStream.range(0, CATEGORY_ORDER.size()).boxed()
            .collect(Collectors.toMap(CATEGORY_ORDER::get, index -> index, (first, repeated) -> first));

    private static List<String> buildOrder() {
        List<String> order = new ArrayList<>();
        for (EthnicityCode code : ReferenceData.standard().ethnicityCodes()) {
            if (!order.contains(code.group())) {
                order.add(code.group());
            }
        }
        for (EthnicityCode code : ReferenceData.standard().ethnicityCodes()) {
            order.add(code.code());
        }
        return List.copyOf(order);
    }
}
