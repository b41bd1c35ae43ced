package org.casetrail.api.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of import runs in {@code import_run}: what was imported, when, and how it ended. */
@Component
class ImportRuns {

    enum State { RUNNING, APPLIED, REJECTED, ABANDONED, FAILED }

    private final JdbcTemplate jdbc;

    ImportRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void start(UUID id, String source, String fileName) {
        jdbc.update("INSERT INTO import_run (id, source, file_name, started_at, state) VALUES (?, ?, ?, ?, ?)",
                id, source, fileName, Timestamp.from(Instant.now()), State.RUNNING.name());
    }

    void finish(ImportReport report, State state) {
        jdbc.update("UPDATE import_run SET finished_at = ?, state = ?, rows_read = ?, accepted = ?, duplicates = ?, "
                        + "rejected = ? WHERE id = ?", Timestamp.from(Instant.now()), state.name(), report.rowsRead(),
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
