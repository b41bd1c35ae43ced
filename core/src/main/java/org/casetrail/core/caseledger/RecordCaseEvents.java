package org.casetrail.core.caseledger;

import java.util.Arrays;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.casetrail.core.caseledger.events.CaseEvent;

/**
 * Append these events, in this order, to one case's stream. All or nothing: if any of them breaks the stream's rules,
 * none is appended. Events whose row is already in the stream with the same content are skipped and counted.
 */
public record RecordCaseEvents(@TargetAggregateIdentifier String caseRef, List<Entry> entries) {

    /** One event with where it was read from ({@code line} of the import, 0 when not read from a file). */
    public record Entry(CaseEvent event, long line) {
    }

    public RecordCaseEvents {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("nothing to record for case " + caseRef);
        }
        for (Entry entry : entries) {
            if (!entry.event().caseRef().equals(caseRef)) {
                throw new IllegalArgumentException("event of case " + entry.event().caseRef()
                        + " sent to case " + caseRef);
            }
        }
    }

    public static RecordCaseEvents of(CaseEvent... events) {
        return new RecordCaseEvents(events[0].caseRef(),
                Arrays.stream(events).map(event -> new Entry(event, 0)).toList());
    }
}
