package org.casetrail.projections.figures;

import java.time.LocalDate;
import java.util.List;

import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveEvent;

/**
 * Whether one suspect reached one stage (SEMANTICS 6.1): by events that reach it directly, whose earliest date is the
 * stage's date, or only by implication, with no date.
 */
public record StageReach(Stage stage, List<EffectiveEvent> direct, List<EffectiveEvent> implying) {

    public boolean reached() {
        return !direct.isEmpty() || !implying.isEmpty();
    }

    public boolean reachedDirectly() {
        return !direct.isEmpty();
    }

    public boolean impliedOnly() {
        return direct.isEmpty() && !implying.isEmpty();
    }

    /** The earliest date among the events that reach the stage directly; null when reached only by implication. */
    public LocalDate date() {
        return direct.stream().map(EffectiveEvent::occurredOn).min(LocalDate::compareTo).orElse(null);
    }

    /** The events that put the suspect there: the direct ones, or else those that imply it. */
    public List<EffectiveEvent> evidence() {
        return direct.isEmpty() ? implying : direct;
    }
}
