package org.casetrail.core.caseledger;

/** The metadata keys a case event carries beside its payload: where it was read from. */
public final class EventMetaData {

    /** The import run that appended the event. */
    public static final String IMPORT_ID = "importId";
    /** The line of the import file the event was read from. */
    public static final String LINE = "line";

    private EventMetaData() {
    }
}
