package org.casetrail.core.caseledger;

/** How many events a {@link RecordCaseEvents} appended, and how many it skipped as already recorded. */
public record RecordingOutcome(int appended, int duplicates) {
}
