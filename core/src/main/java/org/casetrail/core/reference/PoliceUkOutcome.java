package org.casetrail.core.reference;

import java.util.Optional;

import org.casetrail.core.pipeline.EventType;

/**
 * How a data.police.uk outcome label maps onto the pipeline: an event type and, for disposals, an outcome type.
 * Labels with no event type are status notes that count in no figure.
 */
public record PoliceUkOutcome(String label, String code, Optional<EventType> pipelineEvent, Optional<Integer> outcomeType) {
}
