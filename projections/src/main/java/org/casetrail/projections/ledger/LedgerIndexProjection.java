package org.casetrail.projections.ledger;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.casetrail.core.caseledger.StreamFact;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code ledger_row}, one row per stored event, in the same transaction as the event is appended (its processing
 * group is subscribing). Its primary key makes a row identity unique across every case even when two imports race.
 * The rows of one batch of events are written together, in one statement batch, when the batch's unit of work commits.
 */
@ProcessingGroup(LedgerIndexProjection.PROCESSING_GROUP)
public class LedgerIndexProjection {

    public static final String PROCESSING_GROUP = "ledger-index";
    private static final String PENDING_ROWS = LedgerIndexProjection.class.getName() + ".pending";
    private static final String INSERT = "INSERT INTO ledger_row (source, source_row_id, case_ref, event_type, "
            + "suspect_ref, victim_ref, corrected_row_id, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    public LedgerIndexProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseEvent event) {
        StreamFact fact = StreamFact.of(event);
        Object[] row = {fact.row().source(), fact.row().rowId(), event.caseRef(), fact.type().name(),
                fact.suspectRef(), fact.victimRef(), fact.correctedRowId(), fact.fingerprint()};
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(INSERT, row);
            return;
        }
        pendingRows(CurrentUnitOfWork.get()).add(row);
    }

    private List<Object[]> pendingRows(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING_ROWS, key -> {
            List<Object[]> rows = new ArrayList<>();
            root.onPrepareCommit(committing -> {
                jdbc.batchUpdate(INSERT, rows);
                rows.clear();
            });
            return rows;
        });
    }
}
