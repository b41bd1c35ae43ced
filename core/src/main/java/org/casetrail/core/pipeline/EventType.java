package org.casetrail.core.pipeline;

import java.util.EnumSet;
import java.util.Set;

/** The event types of the pipeline event CSV (SEMANTICS section 3). */
public enum EventType {
    CASE_OPENED,
    VICTIM_RECORDED,
    SUSPECT_IDENTIFIED,
    INTERVIEWED,
    ARRESTED,
    CHARGED,
    PROSECUTED,
    CONVICTED,
    ACQUITTED,
    DISCONTINUED,
    NFA,
    OUT_OF_COURT,
    CONVICTION_QUASHED,
    CASE_CLOSED,
    CASE_REOPENED,
    CORRECTION,
    RETRACTION;

    private static final Set<EventType> SUSPECT_EVENTS = EnumSet.of(SUSPECT_IDENTIFIED, INTERVIEWED, ARRESTED,
            CHARGED, PROSECUTED, CONVICTED, ACQUITTED, DISCONTINUED, NFA, OUT_OF_COURT, CONVICTION_QUASHED);
    private static final Set<EventType> WITH_OUTCOME_TYPE = EnumSet.of(NFA, OUT_OF_COURT, CASE_CLOSED);

    /** Suspect events name the suspect they are about and need {@code suspect_ref}. */
    public boolean isSuspectEvent() {
        return SUSPECT_EVENTS.contains(this);
    }

    /** Corrections and retractions are about another row, not about the case itself. */
    public boolean isAmendment() {
        return this == CORRECTION || this == RETRACTION;
    }

    public boolean requiresOccurredOn() {
        return !isAmendment();
    }

    public boolean requiresOutcomeType() {
        return WITH_OUTCOME_TYPE.contains(this);
    }

    public static EventType parse(String text) {
        return valueOf(text);
    }
}
