package org.casetrail.api.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.api.support.CsvFiles.unique;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.core.caseledger.RecordCaseEvents;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.caseledger.events.CaseEvents;
import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The direct append stores each staged event in the bytes it was staged as, and trusts the whole-file check only while
 * nobody else writes the same cases. The race tests hold another writer's append to a case open in a transaction while
 * the import appends to it, so that the unique (case, sequence) key decides.
 */
@IntegrationTest
class CheckedAppenderIT {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Autowired
    CheckedAppender appender;
    @Autowired
    ImportService imports;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void a_staged_event_is_stored_in_the_bytes_it_was_staged_as_and_indexed_from_them() {
        String caseRef = unique("APPEND-BYTES");
        byte[] compact = eventSerializer.serialize(opened(caseRef), byte[].class).getData();
        // Spaces Axon's serializer would never write: they survive only if the append does not serialize again.
        byte[] staged = new String(compact, StandardCharsets.UTF_8).replace(",\"", ", \"")
                .getBytes(StandardCharsets.UTF_8);
        SimpleSerializedObject<byte[]> serialized = new SimpleSerializedObject<>(staged, byte[].class,
                new SimpleSerializedType(opened(caseRef).getClass().getName(), "7"));

        boolean appended = appender.append(UUID.randomUUID(), List.of(new StagingArea.StagedEvent(3, caseRef,
                new LazyDeserializingObject<>(serialized, eventSerializer))));

        assertThat(appended).isTrue();
        assertThat(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                byte[].class, caseRef)).isEqualTo(staged).isNotEqualTo(compact);
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, caseRef)).as("the staged revision").isEqualTo("7");
        assertThat(jdbc.queryForObject("SELECT event_type FROM ledger_row WHERE case_ref = ?", String.class,
                caseRef)).isEqualTo(EventType.CASE_OPENED.name());
    }

    @Test
    void a_batch_that_lost_the_race_stores_nothing_and_says_so() throws Exception {
        String caseRef = unique("APPEND-RACE");
        CompletableFuture<Void> rival = openedWithARivalAppendHeldOpen(caseRef);

        UUID importId = UUID.randomUUID();
        boolean appended = appender.append(importId, List.of(
                StagingArea.StagedEvent.of(7, arrest(caseRef, caseRef + "-import", "S9"))));
        rival.get(30, TimeUnit.SECONDS);

        assertThat(appended).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE case_ref = ? AND source_row_id = ?",
                Long.class, caseRef, caseRef + "-import")).isZero();
        assertThat(sequenceNumbers(caseRef)).containsExactly(0L, 1L);
    }

    @Test
    void an_import_racing_another_writer_falls_back_to_the_aggregate_and_appends_every_row_once() throws Exception {
        String caseRef = unique("IMPORT-RACE");
        CompletableFuture<Void> rival = openedWithARivalAppendHeldOpen(caseRef);

        Path file = CsvFiles.write(CsvFiles.csv(
                caseRef + "-i1," + caseRef + ",SUSPECT_IDENTIFIED,2024-01-02,2024-01-03,,,S2,,,,,,",
                caseRef + "-i2," + caseRef + ",ARRESTED,2024-01-05,2024-01-06,,,S2,,,,,,"));
        ImportReport report = imports.importCsv("EVENTSTORE-TEST", file, ImportProgress.NONE);
        rival.get(30, TimeUnit.SECONDS);

        assertThat(report.applied()).isTrue();
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(sequenceNumbers(caseRef)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE case_ref = ?", Long.class, caseRef))
                .isEqualTo(4L);
    }

    /**
     * Opens the case, then another writer appends an arrest to it and keeps its transaction open for a second and a
     * half before committing; returns once that append is made and held.
     */
    private CompletableFuture<Void> openedWithARivalAppendHeldOpen(String caseRef) throws InterruptedException {
        commands.sendAndWait(RecordCaseEvents.of(opened(caseRef)));
        CountDownLatch holding = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CompletableFuture<Void> rival = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            commands.sendAndWait(RecordCaseEvents.of(arrest(caseRef, caseRef + "-rival", "S1")));
            holding.countDown();
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holding.await(30, TimeUnit.SECONDS);
        return rival;
    }

    private List<Long> sequenceNumbers(String caseRef) {
        return jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, caseRef);
    }

    private static CaseEvent opened(String caseRef) {
        return CaseEvents.create(EventType.CASE_OPENED, caseRef, DAY, new SourceRow("EVENTSTORE-TEST", caseRef + "-open"),
                null, RowFields.builder().occurredOn(DAY).forceCode("E23000005").build());
    }

    private static CaseEvent arrest(String caseRef, String rowId, String suspect) {
        return CaseEvents.create(EventType.ARRESTED, caseRef, DAY, new SourceRow("EVENTSTORE-TEST", rowId), null,
                RowFields.builder().occurredOn(DAY).suspectRef(suspect).build());
    }
}
