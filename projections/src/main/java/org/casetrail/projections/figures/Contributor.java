package org.casetrail.projections.figures;

import java.util.List;

import org.casetrail.projections.effective.EffectiveEvent;

/**
 * One member counted in a figure: its case, suspect and victim (where the figure is about them), what it was counted
 * as (for lags, its class; for rates and medians, which side of the fraction), and the events that put it there.
 */
public record Contributor(String caseRef, String suspectRef, String victimRef, String role,
                          List<EffectiveEvent> events) {
}
