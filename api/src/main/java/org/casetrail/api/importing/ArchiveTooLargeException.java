package org.casetrail.api.importing;

/** A zip with more entries, or inflating to more bytes, than the limits allow: nothing of it is applied (413). */
public class ArchiveTooLargeException extends RuntimeException {

    public ArchiveTooLargeException(String message) {
        super(message);
    }
}
