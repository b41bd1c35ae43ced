package org.casetrail.core.caseledger.events;

/** An event about one suspect of the case. */
public sealed interface SuspectEvent extends CaseEvent permits SuspectIdentified, SuspectStageEvent {

    default String suspectRef() {
        return fields().suspectRef();
    }
}
