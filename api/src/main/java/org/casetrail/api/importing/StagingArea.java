package org.casetrail.api.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.casetrail.core.caseledger.StreamFact;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.csv.PipelineRow;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.casetrail.projections.jdbc.CopyRows;
import org.casetrail.projections.jdbc.CursorQuery;
import org.casetrail.projections.ledger.LedgerIndex;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code import_staging}: an import's rows held in PostgreSQL between reading and applying, so that a file of any size
 * can be checked as a whole and then applied case by case without holding it in memory.
 */
@Component
class StagingArea {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    StagingArea(DataSource dataSource, JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Streams rows into the staging table with one {@code COPY} on a connection of its own (committed when closed; an
     * import that fails later clears what it staged).
     */
    final class Writer implements AutoCloseable {
        private final UUID importId;
        private final Connection connection;
        private final CopyRows copy;

        private Writer(UUID importId) {
            this.importId = importId;
            try {
                this.connection = dataSource.getConnection();
                this.copy = CopyRows.into(connection, "import_staging", "import_id, line, case_ref, source_row_id, "
                        + "event_type, suspect_ref, victim_ref, corrected_row_id, fingerprint, payload_type, "
                        + "payload_revision, payload");
            } catch (SQLException e) {
                throw jdbc.getExceptionTranslator().translate("staging rows", null, e);
            }
        }

        void add(PipelineRow row) {
            CaseEvent event = row.event();
            StreamFact fact = StreamFact.of(event);
            SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
            try {
                copy.add(importId, row.line(), event.caseRef(), fact.row().rowId(), fact.type().name(),
                        fact.suspectRef(), fact.victimRef(), fact.correctedRowId(), fact.fingerprint(),
                        payload.getType().getName(), payload.getType().getRevision(), payload.getData());
            } catch (SQLException e) {
                throw jdbc.getExceptionTranslator().translate("staging line " + row.line(), null, e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                copy.close();
            } catch (SQLException e) {
                throw jdbc.getExceptionTranslator().translate("staging rows", null, e);
            }
        }
    }

    Writer writer(UUID importId) {
        return new Writer(importId);
    }

    interface RowHandler<T> {
        void accept(T row) throws SQLException;
    }

    interface FactHandler {
        /** One staged row with its line, or a row already stored for the same case, with line 0. */
        void accept(long line, StreamFact fact);
    }

    /**
     * Every staged row with the stored rows of the same cases, ordered by case, the stored rows of a case first, then
     * the staged rows in file order.
     */
    void forEachCaseFact(UUID importId, String source, FactHandler handler) {
        stream("SELECT 0 AS line, " + prefixed("l") + " FROM ledger_row l "
                        + "WHERE l.case_ref IN (SELECT DISTINCT case_ref FROM import_staging WHERE import_id = ?) "
                        + "UNION ALL "
                        + """
                        SELECT line, case_ref, ? AS source, source_row_id, event_type, suspect_ref, victim_ref,
                        corrected_row_id, fingerprint FROM import_staging WHERE import_id = ?
                        ORDER BY 2, 1""",
                statement -> {
                    statement.setObject(1, importId);
                    statement.setString(2, source);
                    statement.setObject(3, importId);
                },
                row -> handler.accept(row.getLong("line"), LedgerIndex.fact(row)));
    }

    /** A row id used by another case, in the store or earlier in the same file: (line, message). */
    List<RowConflict> rowIdsUsedByOtherCases(UUID importId, String source) {
        List<RowConflict> conflicts = new ArrayList<>(jdbc.query(
                // One primary-key probe per staged row (the LIMIT keeps PostgreSQL from turning it into a join that,
                // planned without statistics, rescanned the source's rows for every staged row: minutes at 27,000).
                """
                        SELECT s.line, s.source_row_id, l.case_ref FROM import_staging s CROSS JOIN LATERAL (
                        SELECT case_ref FROM ledger_row WHERE source = ? AND source_row_id = s.source_row_id
                        LIMIT 1) l WHERE s.import_id = ? AND l.case_ref <> s.case_ref""",
                (row, i) -> new RowConflict(row.getLong("line"), "source_row_id " + row.getString("source_row_id")
                        + " of source " + source + " is already a row of case " + row.getString("case_ref")),
                source, importId));
        conflicts.addAll(jdbc.query(
                """
                        SELECT line, source_row_id, first_case, first_line FROM (SELECT line, source_row_id, case_ref,
                        first_value(case_ref) OVER w AS first_case, first_value(line) OVER w AS first_line
                        FROM import_staging WHERE import_id = ?
                        WINDOW w AS (PARTITION BY source_row_id ORDER BY line)) rows_by_id
                        WHERE case_ref <> first_case""",
                (row, i) -> new RowConflict(row.getLong("line"), "source_row_id " + row.getString("source_row_id")
                        + " was already used on line " + row.getLong("first_line") + " for case "
                        + row.getString("first_case")),
                importId));
        return conflicts;
    }

    record RowConflict(long line, String message) {
    }

    void forgetLines(UUID importId, List<Long> lines) {
        if (!lines.isEmpty()) {
            jdbc.update(connection -> {
                PreparedStatement statement = ArrayParameter.prepare(connection,
                        "DELETE FROM import_staging WHERE import_id = ? AND line = ANY (?)", 2, "bigint", lines);
                statement.setObject(1, importId);
                return statement;
            });
        }
    }

    /** The staged events in case order, and within a case in file order. */
    void forEachStagedEvent(UUID importId, RowHandler<StagedEvent> handler) {
        stream("""
                        SELECT line, case_ref, payload_type, payload_revision, payload FROM import_staging
                        WHERE import_id = ?
                        ORDER BY case_ref, line""",
                statement -> statement.setObject(1, importId),
                row -> handler.accept(new StagedEvent(row.getLong("line"), row.getString("case_ref"),
                        new LazyDeserializingObject<>(new SimpleSerializedObject<>(row.getBytes("payload"),
                                byte[].class, new SimpleSerializedType(row.getString("payload_type"),
                                row.getString("payload_revision"))), serializer))));
    }

    /**
     * A staged row read back for appending: its event still in the bytes it was staged as, which are the bytes the
     * event store will hold (Axon stores a payload serialized by its own event serializer as it is), so an imported
     * event is serialized once, when staged, and deserialized once, by the ledger index.
     */
    record StagedEvent(long line, String caseRef, LazyDeserializingObject<CaseEvent> payload) {
        static StagedEvent of(long line, CaseEvent event) {
            return new StagedEvent(line, event.caseRef(), new LazyDeserializingObject<>(event));
        }

        CaseEvent event() {
            return payload.getObject();
        }
    }

    long count(UUID importId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM import_staging WHERE import_id = ?", Long.class,
                importId);
        return count == null ? 0 : count;
    }

    /**
     * Fresh statistics for the staged file before it is checked: the staging table is filled and emptied by every
     * import, so without them the planner may take a file of a million rows for a handful and join it to the ledger
     * by rescanning it for every stored row (seen: a check of 27,000 rows running for minutes).
     */
    void analyse() {
        jdbc.execute("ANALYZE import_staging");
    }

    void clear(UUID importId) {
        jdbc.update("DELETE FROM import_staging WHERE import_id = ?", importId);
    }

    private void stream(String sql, CursorQuery.Binder binder, RowHandler<ResultSet> handler) {
        CursorQuery.stream(dataSource, sql, binder, handler::accept);
    }

    private static String prefixed(String alias) {
        return alias + "." + LedgerIndex.FACT_COLUMNS.replace(", ", ", " + alias + ".");
    }
}
