package org.casetrail.core.csv;

/** Why a line of an import is invalid: the line (1 is the header), the column at fault (null for the whole row). */
public record RowError(long line, String column, String message) {
}
