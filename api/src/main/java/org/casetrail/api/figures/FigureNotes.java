package org.casetrail.api.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.casetrail.core.definition.Definition;
import org.casetrail.projections.catalog.FigureTable;

/** What every figure's table states beside its numbers: the definition and its rules, the cut, the symbols. */
final class FigureNotes {

    private FigureNotes() {
    }

    /** The figure's table with the common notes first and the figure's own after them. */
    public static FigureTable withNotes(FigureTable.Builder figure, Definition definition, LocalDate asOf,
                                        long position) {
        FigureTable own = figure.build();
        Definition.Rules rules = definition.rules();
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("definition", definition.reference() + " (" + definition.label() + ")");
        notes.put("definition description", Objects.toString(definition.description(), ""));
        notes.put("rules", "minSuspects " + rules.minSuspects() + "; contexts "
                + (rules.contexts().isEmpty() ? "all" : rules.contexts().stream().sorted().toList())
                + "; maxVictimAge " + (rules.maxVictimAge() == null ? "unset" : rules.maxVictimAge())
                + "; arrestIncludesInterview " + rules.arrestIncludesInterview()
                + "; excludeQuashedConvictions " + rules.excludeQuashedConvictions());
        notes.put("asOf", asOf == null ? "no limit" : asOf.toString());
        notes.put("position", String.valueOf(position));
        notes.put("produced", Instant.now().toString());
        notes.put("symbols", "[c] suppressed, [x] not available, [z] not applicable");
        notes.putAll(own.notes());
        return new FigureTable(own.title(), own.columns(), own.rows(), notes);
    }
}
