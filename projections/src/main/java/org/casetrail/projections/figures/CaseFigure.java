package org.casetrail.projections.figures;

import org.casetrail.projections.effective.EffectiveCase;

/** A figure computed by visiting every case of the effective view once, in any order. */
public interface CaseFigure<R> {

    void accept(EffectiveCase c);

    R result();
}
