package org.casetrail.api.web;

import org.casetrail.api.importing.PoliceUkReport;

/** A data.police.uk import with errors: nothing was applied. */
class PoliceUkImportRejectedException extends RuntimeException {

    private final PoliceUkReport report;

    PoliceUkImportRejectedException(PoliceUkReport report) {
        super(report.errors().size() + " error" + (report.errors().size() == 1 ? "" : "s") + " in "
                + (report.rejected() == 0 ? "the files" : report.rejected() + " row"
                + (report.rejected() == 1 ? "" : "s")) + "; nothing was applied");
        this.report = report;
    }

    PoliceUkReport report() {
        return report;
    }
}
