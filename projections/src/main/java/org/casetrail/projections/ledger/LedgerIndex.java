package org.casetrail.projections.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.casetrail.core.caseledger.StreamFact;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.EventType;

/** Reads {@code ledger_row} back as the facts the stream rules need. */
public final class LedgerIndex {

    /** The columns {@link #fact(ResultSet)} reads, for a SELECT over {@code ledger_row} or a table shaped like it. */
    public static final String FACT_COLUMNS =
            "case_ref, source, source_row_id, event_type, suspect_ref, victim_ref, corrected_row_id, fingerprint";

    private LedgerIndex() {
    }

    public static StreamFact fact(ResultSet row) throws SQLException {
        return new StreamFact(row.getString("case_ref"), new SourceRow(row.getString("source"),
                row.getString("source_row_id")), EventType.valueOf(row.getString("event_type")),
                row.getString("suspect_ref"),
                row.getString("victim_ref"), row.getString("corrected_row_id"), row.getString("fingerprint"));
    }
}
