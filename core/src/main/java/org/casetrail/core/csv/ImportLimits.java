package org.casetrail.core.csv;

/**
 * How long a row and its fields may be: {@code fieldChars} for every field but the note, {@code noteChars} for the
 * note, {@code rowChars} for a whole row as written in the file (which bounds the memory one row can take, whatever
 * its quoting).
 */
public record ImportLimits(int fieldChars, int noteChars, int rowChars) {

    /** The defaults: 255 characters a field (what the store's columns hold), 2,000 for a note, 64 Ki for a row. */
    public static final ImportLimits DEFAULT = new ImportLimits(255, 2000, 65_536);
}
