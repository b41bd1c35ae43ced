package org.casetrail.api.web;

import org.casetrail.api.importing.ImportReport;

/** An import whose file had invalid rows: nothing was applied. */
class ImportRejectedException extends RuntimeException {

    private final ImportReport report;

    ImportRejectedException(ImportReport report) {
        super(report.rejected() + " of " + report.rowsRead() + " rows are invalid"
                + (report.rejected() == 0 ? " but the header is not" : "") + "; nothing was applied");
        this.report = report;
    }

    ImportReport report() {
        return report;
    }
}
