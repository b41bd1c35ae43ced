package org.casetrail.core.caseledger.events;

/** Where an event came from: the import source and the row's id within it, which together are the row's identity. */
public record SourceRow(String source, String rowId) {

    public SourceRow {
        if (source == null || source.isBlank() || rowId == null || rowId.isBlank()) {
            throw new IllegalArgumentException("a source row needs a source and a row id");
        }
    }

    /** The row that a correction or retraction from the same source names. */
    public SourceRow sibling(String otherRowId) {
        return new SourceRow(source, otherRowId);
    }

    @Override
    public String toString() {
        return source + "/" + rowId;
    }
}
