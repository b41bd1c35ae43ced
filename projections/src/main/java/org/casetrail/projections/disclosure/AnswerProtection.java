package org.casetrail.projections.disclosure;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Protects one figure's JSON answer for the public (SEMANTICS section 8): finds its counts and families, applies
 * {@link CellSuppression}, then the derived rules, and writes each suppressed value as {@code null} with
 * {@code "suppressed": true} and the names in {@code suppressedFields} on the object that held it.
 *
 * <p>Works on the answer's shape rather than on the figure's type, so a stored answer protects the same way whatever
 * code made it: groups are the {@code groups} array (or the answer itself), cells are a group's own counts and the
 * items of its {@code stages}, {@code counts}, {@code suspects} and {@code pairs} arrays.
 */
public final class AnswerProtection {

    public static final String SUPPRESSED = "suppressed";
    public static final String SUPPRESSED_FIELDS = "suppressedFields";

    private static final List<String> COUNTS = List.of("count", "implied", "population", "completed", "censored",
            "competing", "undated", "invalid", "reopened", "arrestedAfter", "chargedAfter", "convictedAfter",
            "reclosed", "selfDefined", "officerOnly", "notRecorded", "total", "liveCases",
            "suspectsUnderInvestigation", "suspectsAwaitingOutcome", "victimsInLiveCases");
    /**
     * The number a cell of a revision stands for: the first of these its object has; an object with none (a caseload
     * group, whose cell is the sum of its four counts) stands for all its counts.
     */
    private static final List<String> VALUE_FIELDS = List.of("count", "population", "reopened", "total");
    private static final List<String> CELL_ARRAYS = List.of("stages", "counts", "suspects", "pairs");
    private static final List<String> CELL_LABELS = List.of("stage", "suspectEthnicity", "victimEthnicity",
            "nationality");
    private static final List<String> LAG_CLASSES = List.of("completed", "censored", "competing", "undated",
            "invalid");
    private static final List<String> COMPLETENESS = List.of("selfDefined", "officerOnly", "notRecorded");
    private static final List<String> LAG_QUANTILES = List.of("p25", "p50", "p75", "p90", "mean");
    private static final List<String> LAG_CURVES = List.of("kaplanMeierMedian", "cumulativeIncidence", "curve");
    private static final int SMALLEST_SHOWN_STATISTIC_BASE = 10;

    /** One count of the answer: the object holding it, its field, and the measure it belongs to across groups. */
    public record Cell(ObjectNode owner, String field, String measure, long value) {
    }

    /** An answer's counts in order, their families, and which counts primary and secondary suppression hide. */
    public record Table(List<Cell> cells, List<CellSuppression.Family> families, boolean[] suppressed) {
    }

    private AnswerProtection() {
    }

    /** The answer as the public reads it; the given answer is left as it was. */
    public static JsonNode protect(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        Table table = analyse(copy);
        Map<ObjectNode, Set<String>> hidden = new IdentityHashMap<>();
        for (int i = 0; i < table.cells().size(); i++) {
            if (table.suppressed()[i]) {
                Cell cell = table.cells().get(i);
                hidden.computeIfAbsent(cell.owner(), owner -> new LinkedHashSet<>()).add(cell.field());
            }
        }
        for (ObjectNode group : groups(copy)) {
            deriveLags(group, hidden);
            deriveColdCases(group, hidden);
            deriveShare(group, hidden);
            JsonNode stages = group.get("stages");
            if (stages instanceof ArrayNode array) {
                deriveFunnelRates(array, hidden);
            }
        }
        hidden.forEach(AnswerProtection::hide);
        return copy;
    }

    /** The counts and families of an answer, and which counts are suppressed (before derived rules). */
    public static Table analyse(JsonNode answer) {
        List<ObjectNode> groups = groups(answer);
        List<Cell> cells = new ArrayList<>();
        Map<String, List<Integer>> byMeasure = new LinkedHashMap<>();
        List<CellSuppression.Family> ownFamilies = new ArrayList<>();
        for (ObjectNode group : groups) {
            Map<String, Integer> groupCounts = new LinkedHashMap<>();
            addCounts(group, "", cells, byMeasure, groupCounts);
            for (String array : CELL_ARRAYS) {
                JsonNode items = group.get(array);
                if (items == null || !items.isArray()) {
                    continue;
                }
                List<Integer> itemCounts = new ArrayList<>();
                for (JsonNode item : items) {
                    if (item instanceof ObjectNode object) {
                        Map<String, Integer> added = new LinkedHashMap<>();
                        addCounts(object, array + ":" + label(object) + ":", cells, byMeasure, added);
                        if (added.containsKey("count")) {
                            itemCounts.add(added.get("count"));
                        }
                    }
                }
                if (array.equals("suspects") && !itemCounts.isEmpty()) {
                    ownFamilies.add(CellSuppression.Family.withoutSumCell(itemCounts));
                }
            }
            family(groupCounts, LAG_CLASSES, "population").ifPresent(ownFamilies::add);
            family(groupCounts, COMPLETENESS, "total").ifPresent(ownFamilies::add);
        }
        List<CellSuppression.Family> families = new ArrayList<>();
        if (answer.has("groups")) {
            byMeasure.values().forEach(members -> families.add(CellSuppression.Family.withoutSumCell(members)));
        }
        families.addAll(ownFamilies);
        long[] counts = cells.stream().mapToLong(Cell::value).toArray();
        return new Table(cells, families, CellSuppression.suppress(counts, families));
    }

    /**
     * Whether the number a figure id's cell stands for (its count, population, reopened or total; for a caseload
     * group, any of its counts) is suppressed.
     */
    public static boolean valueSuppressed(JsonNode protectedAnswer, String figureId) {
        ObjectNode owner = figure(protectedAnswer, figureId);
        if (owner == null || !owner.has(SUPPRESSED_FIELDS)) {
            return false;
        }
        String valueField = VALUE_FIELDS.stream().filter(owner::has).findFirst().orElse(null);
        for (JsonNode field : owner.get(SUPPRESSED_FIELDS)) {
            if (valueField == null ? COUNTS.contains(field.asText()) : field.asText().equals(valueField)) {
                return true;
            }
        }
        return false;
    }

    private static List<ObjectNode> groups(JsonNode answer) {
        List<ObjectNode> groups = new ArrayList<>();
        JsonNode array = answer.get("groups");
        if (array != null && array.isArray()) {
            array.forEach(group -> {
                if (group instanceof ObjectNode object) {
                    groups.add(object);
                }
            });
        } else if (answer instanceof ObjectNode object) {
            groups.add(object);
        }
        return groups;
    }

    private static void addCounts(ObjectNode owner, String measurePrefix, List<Cell> cells,
                                  Map<String, List<Integer>> byMeasure, Map<String, Integer> added) {
        for (String field : COUNTS) {
            JsonNode value = owner.get(field);
            if (value != null && value.isIntegralNumber()) {
                String measure = measurePrefix + field;
                int index = cells.size();
                cells.add(new Cell(owner, field, measure, value.asLong()));
                byMeasure.computeIfAbsent(measure, m -> new ArrayList<>()).add(index);
                added.put(field, index);
            }
        }
    }

    private static String label(ObjectNode item) {
        StringBuilder label = new StringBuilder();
        for (String name : CELL_LABELS) {
            if (item.has(name)) {
                label.append(name).append('=').append(item.get(name).asText()).append(';');
            }
        }
        return label.toString();
    }

    private static Optional<CellSuppression.Family> family(Map<String, Integer> groupCounts,
                                                                     List<String> members, String sum) {
        if (!groupCounts.keySet().containsAll(members)) {
            return Optional.empty();
        }
        return Optional.of(new CellSuppression.Family(members.stream().map(groupCounts::get).toList(),
                groupCounts.getOrDefault(sum, -1)));
    }

    /** Quantiles and the mean need 10 completed; the survival estimates need 10 members with a usable lag. */
    private static void deriveLags(ObjectNode group, Map<ObjectNode, Set<String>> hidden) {
        if (!group.has("completed") || !group.has("population")) {
            return;
        }
        if (group.get("completed").asLong() < SMALLEST_SHOWN_STATISTIC_BASE) {
            LAG_QUANTILES.forEach(field -> hideIfShown(group, field, hidden));
        }
        long usable = group.get("population").asLong() - group.path("undated").asLong()
                - group.path("invalid").asLong();
        if (usable < SMALLEST_SHOWN_STATISTIC_BASE) {
            LAG_CURVES.forEach(field -> hideIfShown(group, field, hidden));
        }
    }

    private static void deriveColdCases(ObjectNode group, Map<ObjectNode, Set<String>> hidden) {
        if (group.has("reopened") && group.get("reopened").asLong() < SMALLEST_SHOWN_STATISTIC_BASE) {
            hideIfShown(group, "medianDaysClosed", hidden);
        }
    }

    private static void deriveShare(ObjectNode group, Map<ObjectNode, Set<String>> hidden) {
        Set<String> suppressed = hidden.getOrDefault(group, Set.of());
        if (group.has("shareRecorded") && (suppressed.contains("selfDefined") || suppressed.contains("officerOnly")
                || suppressed.contains("total"))) {
            hideIfShown(group, "shareRecorded", hidden);
        }
    }

    /** A stage's rates divide by the previous stage and by the entry stage. */
    private static void deriveFunnelRates(ArrayNode stages, Map<ObjectNode, Set<String>> hidden) {
        for (int i = 0; i < stages.size(); i++) {
            if (!(stages.get(i) instanceof ObjectNode stage)) {
                continue;
            }
            boolean self = countHidden(stage, hidden);
            if (self || i > 0 && countHidden(stages.get(i - 1), hidden)) {
                hideIfShown(stage, "rateFromPrevious", hidden);
            }
            if (self || i > 0 && countHidden(stages.get(0), hidden)) {
                hideIfShown(stage, "rateFromEntry", hidden);
            }
        }
    }

    private static boolean countHidden(JsonNode stage, Map<ObjectNode, Set<String>> hidden) {
        return stage instanceof ObjectNode object && hidden.getOrDefault(object, Set.of()).contains("count");
    }

    private static void hideIfShown(ObjectNode owner, String field, Map<ObjectNode, Set<String>> hidden) {
        JsonNode value = owner.get(field);
        if (value != null && !value.isNull()) {
            hidden.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(field);
        }
    }

    private static void hide(ObjectNode owner, Set<String> fields) {
        ArrayNode names = owner.arrayNode();
        for (String field : fields) {
            JsonNode value = owner.get(field);
            if (field.equals("curve")) {
                owner.remove(field);
            } else if (value instanceof ObjectNode byKey) {
                List<String> keys = new ArrayList<>();
                byKey.fieldNames().forEachRemaining(keys::add);
                keys.forEach(byKey::putNull);
            } else {
                owner.putNull(field);
            }
            names.add(field);
        }
        owner.put(SUPPRESSED, true);
        owner.set(SUPPRESSED_FIELDS, names);
    }

    /** The object of an answer that carries this figure id, or null. */
    public static ObjectNode figure(JsonNode node, String figureId) {
        if (node instanceof ObjectNode object && object.path("figureId").asText().equals(figureId)) {
            return object;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                ObjectNode found = figure(child, figureId);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
