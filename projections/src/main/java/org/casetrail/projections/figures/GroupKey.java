package org.casetrail.projections.figures;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The key of one group of a figure: a value per groupBy dimension, in the order asked; {@code {}} without groupBy. */
public record GroupKey(Map<String, Object> values) implements Comparable<GroupKey> {

    public static final GroupKey NONE = new GroupKey(Map.of());

    public GroupKey {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
