package org.casetrail.projections.figures;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The key of one group of a figure: a value per groupBy dimension, in the order asked; {@code {}} without groupBy. */
public record GroupKey(Map<String, Object> values) implements Comparable<GroupKey> {

    public static final GroupKey NONE = new GroupKey(Map.of());

    public GroupKey {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * A map's own hash adds up {@code key ^ value} per entry, so that keys differing in two values by small amounts
     * (a force code's last digit, a year) collide: at a million cases whole figures' maps of groups became trees.
     * Each entry is mixed before adding, which keeps the hash independent of order, as {@link Map#equals} is.
     */
    @Override
    public int hashCode() {
        int hash = 0;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            int mixed = (31 * entry.getKey().hashCode() + Objects.hashCode(entry.getValue())) * 0x9E3779B9;
            hash += mixed ^ (mixed >>> 16);
        }
        return hash;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Object> NULLS_LAST = Comparator.nullsLast((a, b) -> ((Comparable) a).compareTo(b));

    @Override
    public int compareTo(GroupKey other) {
        var mine = values.values().iterator();
        var theirs = other.values.values().iterator();
        while (mine.hasNext() && theirs.hasNext()) {
            int compared = NULLS_LAST.compare(mine.next(), theirs.next());
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(values.size(), other.values.size());
    }
}
