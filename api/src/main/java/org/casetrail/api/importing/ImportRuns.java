package org.casetrail.api.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The record of import runs in {@code import_run}: what was imported, when, and how it ended. */
@Component
class ImportRuns {

    enum State { RUNNING, APPLIED, REJECTED, ABANDONED, FAILED }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    ImportRuns(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * How many events an applying import has appended so far, committed at once whatever becomes of the import's own
     * transaction: the import's rows are seen by no one until it commits, its progress is.
     */
    void applied(UUID id, long events) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE import_run SET accepted = ? WHERE id = ?",
                events, id));
    }

    void start(UUID id, String source, String fileName) {
        jdbc.update("INSERT INTO import_run (id, source, file_name, started_at, state) VALUES (?, ?, ?, ?, ?)",
                id, source, fileName, Timestamp.from(Instant.now()), State.RUNNING.name());
    }

    void finish(ImportReport report, State state) {
        jdbc.update("""
                        UPDATE import_run SET finished_at = ?, state = ?, rows_read = ?, accepted = ?, duplicates = ?,
                        rejected = ? WHERE id = ?""", Timestamp.from(Instant.now()), state.name(), report.rowsRead(),
                report.accepted(), report.duplicates(), report.rejected(), report.importId());
    }

    void fail(UUID id) {
        jdbc.update("UPDATE import_run SET finished_at = ?, state = ? WHERE id = ?", Timestamp.from(Instant.now()),
                State.FAILED.name(), id);
    }

    /**
     * Runs still marked RUNNING when the import lock is free died (a crash or a kill): their staged rows are scratch
     * to clear, and what they applied is kept, since a rerun skips it as duplicates.
     */
    void abandonDeadRuns() {
        jdbc.update("DELETE FROM import_staging WHERE import_id IN (SELECT id FROM import_run WHERE state = ?)",
                State.RUNNING.name());
        jdbc.update("UPDATE import_run SET state = ?, finished_at = ? WHERE state = ?", State.ABANDONED.name(),
                Timestamp.from(Instant.now()), State.RUNNING.name());
    }
}
