package org.casetrail.projections.figures;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casetrail.core.definition.Definition;
import org.casetrail.projections.effective.EffectiveCase;

/**
 * What every figure is asked with: the definition, the date range ({@code from} and {@code to} inclusive, either
 * open), the forces to keep (empty: all) and the groupBy dimensions.
 */
public record FigureScope(Definition definition, LocalDate from, LocalDate to, Set<String> forces,
                          List<Dimension> groupBy) {

    public FigureScope {
        forces = Set.copyOf(forces);
        groupBy = List.copyOf(groupBy);
    }

    public StageReading reading() {
        return new StageReading(definition.rules());
    }

    /** The definition's rules and the force filter. */
    public boolean counts(EffectiveCase c, StageReading reading) {
        return (forces.isEmpty() || forces.contains(c.forceCode())) && reading.qualifies(c);
    }

    public boolean inRange(LocalDate day) {
        return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** The group a member falls in; {@code day} is the date the figure's {@code year} groups by. */
    public GroupKey key(EffectiveCase c, LocalDate day) {
        if (groupBy.isEmpty()) {
            return GroupKey.NONE;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Dimension dimension : groupBy) {
            values.put(dimension.key(), dimension.value(c, day));
        }
        return new GroupKey(values);
    }
}
