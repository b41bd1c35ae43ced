package org.casetrail.projections.figures;

import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the members behind chosen cells of a figure while it is computed, for a trace. A cell is named by the parts
 * each figure's {@code cell(...)} gives, the same parts figure ids are made from. Outside a trace nothing is
 * collected and nothing is built.
 */
public interface CellTracer {

    CellTracer NONE = new CellTracer() {
        @Override
        public boolean wants(List<Object> cell) {
            return false;
        }

        @Override
        public void add(List<Object> cell, Contributor contributor) {
        }
    };

    boolean wants(List<Object> cell);

    void add(List<Object> cell, Contributor contributor);

    /** Adds the contributor, built only if the cell is wanted. */
    default void offer(List<Object> cell, Supplier<Contributor> contributor) {
        if (wants(cell)) {
            add(cell, contributor.get());
        }
    }
}
