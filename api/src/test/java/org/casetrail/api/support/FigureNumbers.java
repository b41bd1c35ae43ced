package org.casetrail.api.support;

import java.util.List;
import java.util.Map;

/**
 * Every number of a figure answer that carries a figure id, as its trace must count it: a count, a population, a
 * reopening count or a total; for a caseload group, its four counts together.
 */
public final class FigureNumbers {

    private static final List<String> CASELOAD = List.of("liveCases", "suspectsUnderInvestigation",
            "suspectsAwaitingOutcome", "victimsInLiveCases");
    private static final List<String> VALUES = List.of("count", "population", "reopened", "total");

    private FigureNumbers() {
    }

    public static void collect(Object json, Map<String, Long> found) {
        if (json instanceof Map<?, ?> map) {
            if (map.get("figureId") instanceof String id) {
                if (map.containsKey(CASELOAD.get(0))) {
                    found.put(id, CASELOAD.stream().mapToLong(measure -> ((Number) map.get(measure)).longValue())
                            .sum());
                } else {
                    VALUES.stream().filter(measure -> map.get(measure) instanceof Number).findFirst()
                            .ifPresent(measure -> found.put(id, ((Number) map.get(measure)).longValue()));
                }
            }
            map.values().forEach(value -> collect(value, found));
        } else if (json instanceof List<?> values) {
            values.forEach(value -> collect(value, found));
        }
    }
}
