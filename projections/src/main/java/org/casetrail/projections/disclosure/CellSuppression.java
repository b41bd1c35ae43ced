package org.casetrail.projections.disclosure;

import java.util.List;

/**
 * Primary and secondary suppression of SEMANTICS section 8 over a table's counts, in the answer's order.
 *
 * <p>Primary: a count from 1 to 4 is suppressed; a zero is shown. Secondary: the families are visited in the order
 * given; where a family has exactly one suppressed member, the smallest non-zero member not yet suppressed is
 * suppressed too (ties: the first in order), or, if there is none, the family's sum when it is a cell of the table.
 * Passes repeat until one suppresses nothing more.
 */
public final class CellSuppression {

    /** A set of counts whose sum can be known; {@code sum} is the index of the cell holding it, or -1. */
    public record Family(List<Integer> members, int sum) {

        public Family {
            members = List.copyOf(members);
        }

        public static Family withoutSumCell(List<Integer> members) {
            return new Family(members, -1);
        }
    }

    private CellSuppression() {
    }

    public static boolean[] suppress(long[] counts, List<Family> families) {
        boolean[] suppressed = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            suppressed[i] = counts[i] >= 1 && counts[i] <= 4;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Family family : families) {
                if (suppressedMembers(family, suppressed) == 1) {
                    changed |= suppressOneMore(family, counts, suppressed);
                }
            }
        }
        return suppressed;
    }

    private static int suppressedMembers(Family family, boolean[] suppressed) {
        int count = 0;
        for (int member : family.members()) {
            if (suppressed[member]) {
                count++;
            }
        }
        return count;
    }

    private static boolean suppressOneMore(Family family, long[] counts, boolean[] suppressed) {
        int smallest = -1;
        for (int member : family.members()) {
            if (!suppressed[member] && counts[member] != 0 && (smallest < 0 || counts[member] < counts[smallest])) {
                smallest = member;
            }
        }
        if (smallest >= 0) {
            suppressed[smallest] = true;
            return true;
        }
        if (family.sum() >= 0 && !suppressed[family.sum()]) {
            suppressed[family.sum()] = true;
            return true;
        }
        return false;
    }
}
