package org.casetrail.api.importing;

import java.util.List;
import java.util.UUID;

import org.casetrail.core.csv.RowError;

/**
 * What an import did. {@code accepted} rows were applied, {@code duplicates} were already stored with the same content,
 * {@code rejected} rows are invalid; when any row is invalid, nothing is applied and {@code accepted} is 0.
 * {@code errors} lists every reason, by line (a header problem is an error of line 1 and rejects the file without
 * counting a row), up to {@link ImportService#MAX_REPORTED_ERRORS}; {@code errorsTruncated} says when there were more.
 */
public record ImportReport(UUID importId, String source, long rowsRead, long accepted, long duplicates,
                           long rejected, List<RowError> errors, boolean errorsTruncated) {

    /** Applied when nothing was wrong with the file: no invalid row and no problem with its header. */
    public boolean applied() {
        return errors.isEmpty();
    }
}
