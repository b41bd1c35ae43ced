package org.casetrail.projections.figures;

import java.time.LocalDate;

import org.casetrail.projections.effective.EffectiveView;
import org.casetrail.projections.effective.LedgerCaseSource;

/**
 * Computes a figure over the effective view at a cut: a knowledge date and a store position, the position being the
 * current head unless asked. The answer says the position it was computed at, so that asking again with it gives the
 * same numbers forever.
 */
public class FigureEngine {

    private final LedgerCaseSource cases;

    public FigureEngine(LedgerCaseSource cases) {
        this.cases = cases;
    }

    public record Computed<R>(R result, LocalDate asOf, long position) {
    }

    public <R> Computed<R> compute(LocalDate asOf, Long position, CaseFigure<R> figure) {
        long at = position == null ? cases.head() : position;
        cases.forEachCase(new EffectiveView.Cut(asOf, at), figure::accept);
        return new Computed<>(figure.result(), asOf, at);
    }
}
