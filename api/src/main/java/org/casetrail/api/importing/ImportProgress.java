package org.casetrail.api.importing;

/** Where a long import is: the command line draws it as a progress bar, HTTP ignores it. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    /** A new phase begins, with the amount of work it has (bytes while reading, rows after). */
    default void phase(String name, long total) {
    }

    default void advanced(long amount) {
    }
}
