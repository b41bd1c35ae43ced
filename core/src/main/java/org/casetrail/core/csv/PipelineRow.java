package org.casetrail.core.csv;

import java.util.List;

import org.casetrail.core.caseledger.events.CaseEvent;

/**
 * One line of a pipeline event CSV, read: the event it records, or every reason it cannot be read. A row may be
 * unreadable (no event) and still name its case, so that later rows of the case can be reported with it.
 */
public record PipelineRow(long line, CaseEvent event, String caseRef, List<RowError> errors) {

    public static PipelineRow valid(long line, CaseEvent event) {
        return new PipelineRow(line, event, event.caseRef(), List.of());
    }

    public static PipelineRow invalid(long line, String caseRef, List<RowError> errors) {
        return new PipelineRow(line, null, caseRef, List.copyOf(errors));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
