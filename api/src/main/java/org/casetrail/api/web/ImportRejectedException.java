package org.casetrail.api.web;

import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.importing.PoliceUkReport;

/** An import with invalid rows (or files): nothing was applied. Its report is the problem's members. */
class ImportRejectedException extends RuntimeException {

    private final transient Object report;

    ImportRejectedException(ImportReport report) {
        super(report.rejected() + " of " + report.rowsRead() + " rows are invalid"
                + (report.rejected() == 0 ? " but the header is not" : "") + "; nothing was applied");
        this.report = report;
    }

    ImportRejectedException(PoliceUkReport report) {
        super(report.errors().size() + " error" + (report.errors().size() == 1 ? "" : "s") + " in "
                + (report.rejected() == 0 ? "the files" : report.rejected() + " row"
                + (report.rejected() == 1 ? "" : "s")) + "; nothing was applied");
        this.report = report;
    }

    Object report() {
        return report;
    }
}
