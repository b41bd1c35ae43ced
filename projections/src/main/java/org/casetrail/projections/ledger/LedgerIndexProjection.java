package org.casetrail.projections.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.casetrail.core.caseledger.StreamFact;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code ledger_row}, one row per stored event, in the same transaction as the event is appended (its processing
 * group is subscribing). Its primary key makes a row identity unique across every case even when two imports race.
 */
@ProcessingGroup(LedgerIndexProjection.PROCESSING_GROUP)
public class LedgerIndexProjection {

    public static final String PROCESSING_GROUP = "ledger-index";

    private final JdbcTemplate jdbc;

    public LedgerIndexProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseEvent event) {
        StreamFact fact = StreamFact.of(event);
        jdbc.update("INSERT INTO ledger_row (source, source_row_id, case_ref, event_type, suspect_ref, victim_ref, "
                        + "corrected_row_id, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                fact.row().source(), fact.row().rowId(), event.caseRef(), fact.type().name(), fact.suspectRef(),
                fact.victimRef(), fact.correctedRowId(), fact.fingerprint());
    }
}
