package org.casetrail.core.caseledger.events;

/** A step one suspect took through the pipeline, or an exit from it. */
public sealed interface SuspectStageEvent extends SuspectEvent permits SuspectInterviewed, SuspectArrested,
        SuspectCharged, SuspectProsecuted, SuspectConvicted, SuspectAcquitted, ProsecutionDiscontinued,
        NoFurtherAction, OutOfCourtDisposal, ConvictionQuashed {
}
