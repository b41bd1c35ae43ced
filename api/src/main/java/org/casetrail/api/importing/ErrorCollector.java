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

    private static final Comparator<RowError> BY_LINE = Comparator.comparingLong(RowError::line);

    private final int limit;
    private final PriorityQueue<RowError> latestFirst = new PriorityQueue<>(BY_LINE.reversed());
    private long total;

    ErrorCollector(int limit) {
        this.limit = limit;
    }

    void add(RowError error) {
        total++;
        latestFirst.add(error);
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
        List<RowError> sorted = new ArrayList<>(latestFirst);
        sorted.sort(BY_LINE);
        return sorted;
    }
}
