package org.casetrail.api.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.casetrail.core.csv.RowError;

/**
 * Gathers the errors of an import from several passes in any order, counts every one, and keeps the earliest
 * {@code limit} by line so that a file with millions of bad rows cannot exhaust memory.
 */
final class ErrorCollector {

    /** By line, and errors of one line in the order they were found, so that an answer never varies run to run. */
    private static final Comparator<Found> BY_LINE = Comparator.comparingLong((Found found) -> found.error().line())
            .thenComparingLong(Found::order);

    private record Found(RowError error, long order) {
    }

    private final int limit;
    private final PriorityQueue<Found> latestFirst = new PriorityQueue<>(BY_LINE.reversed());
    private long total;

    ErrorCollector(int limit) {
        this.limit = limit;
    }

    void add(RowError error) {
        total++;
        latestFirst.add(new Found(error, total));
        if (latestFirst.size() > limit) {
            latestFirst.poll();
        }
    }

    void addAll(List<RowError> errors) {
        errors.forEach(this::add);
    }

    boolean isEmpty() {
        return total == 0;
    }

    boolean truncated() {
        return total > latestFirst.size();
    }

    List<RowError> inLineOrder() {
        List<Found> sorted = new ArrayList<>(latestFirst);
        sorted.sort(BY_LINE);
        return sorted.stream().map(Found::error).toList();
    }
}
