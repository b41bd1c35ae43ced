package org.casetrail.projections.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.projections.effective.EffectiveCase;

final class Scopes {

    static final String GMP = "E23000005";
    static final String WYP = "E23000010";

    private Scopes() {
    }

    static FigureScope all() {
        return scope(Definition.ALL_CASES.rules(), null, null, List.of());
    }

    static FigureScope scope(Definition.Rules rules, String from, String to, List<Dimension> groupBy) {
        return new FigureScope(new Definition("test", 1, "test", "test", rules),
                from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to), Set.of(),
                groupBy);
    }

    static Definition.Rules rules(int minSuspects, Set<CaseContext> contexts, Integer maxVictimAge,
                                  boolean interviews, boolean excludeQuashed) {
        return new Definition.Rules(minSuspects, contexts, maxVictimAge, interviews, excludeQuashed);
    }

    static <R> R run(CaseFigure<R> figure, EffectiveCase... cases) {
        for (EffectiveCase c : cases) {
            figure.accept(c);
        }
        return figure.result();
    }
}
