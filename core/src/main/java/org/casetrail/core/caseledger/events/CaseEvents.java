package org.casetrail.core.caseledger.events;

import java.time.LocalDate;

import org.casetrail.core.pipeline.EventType;

/** Builds the typed event for a row of the given type. */
public final class CaseEvents {

    private CaseEvents() {
    }

    public static CaseEvent create(EventType type, String caseRef, LocalDate reportedOn, SourceRow source,
                                   String correctedRowId, RowFields fields) {
        return switch (type) {
            case CASE_OPENED -> new CaseOpened(caseRef, reportedOn, source, fields);
            case VICTIM_RECORDED -> new VictimRecorded(caseRef, reportedOn, source, fields);
            case SUSPECT_IDENTIFIED -> new SuspectIdentified(caseRef, reportedOn, source, fields);
            case INTERVIEWED -> new SuspectInterviewed(caseRef, reportedOn, source, fields);
            case ARRESTED -> new SuspectArrested(caseRef, reportedOn, source, fields);
            case CHARGED -> new SuspectCharged(caseRef, reportedOn, source, fields);
            case PROSECUTED -> new SuspectProsecuted(caseRef, reportedOn, source, fields);
            case CONVICTED -> new SuspectConvicted(caseRef, reportedOn, source, fields);
            case ACQUITTED -> new SuspectAcquitted(caseRef, reportedOn, source, fields);
            case DISCONTINUED -> new ProsecutionDiscontinued(caseRef, reportedOn, source, fields);
            case NFA -> new NoFurtherAction(caseRef, reportedOn, source, fields);
            case OUT_OF_COURT -> new OutOfCourtDisposal(caseRef, reportedOn, source, fields);
            case CONVICTION_QUASHED -> new ConvictionQuashed(caseRef, reportedOn, source, fields);
            case CASE_CLOSED -> new CaseClosed(caseRef, reportedOn, source, fields);
            case CASE_REOPENED -> new CaseReopened(caseRef, reportedOn, source, fields);
            case CORRECTION -> new EventCorrected(caseRef, correctedRowId, reportedOn, source, fields);
            case RETRACTION -> new EventRetracted(caseRef, correctedRowId, reportedOn, source, fields);
        };
    }
}
