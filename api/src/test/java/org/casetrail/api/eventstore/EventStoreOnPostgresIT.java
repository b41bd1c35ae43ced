package org.casetrail.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casetrail.api.support.CsvFiles.unique;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.commandhandling.gateway.AxonNonTransientExceptionClassesPredicate;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetrail.core.caseledger.CaseAggregate;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.core.caseledger.RecordCaseEvents;
import org.casetrail.core.caseledger.RecordingOutcome;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.caseledger.events.CaseEvents;
import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What Axon's own suite never checks on PostgreSQL: racing writers, sequence gaps, and reading past them. */
@IntegrationTest
class EventStoreOnPostgresIT {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private static CaseEvent event(String caseRef, EventType type, String rowId, RowFields fields) {
        return CaseEvents.create(type, caseRef, DAY, new SourceRow("EVENTSTORE-TEST", rowId), null, fields);
    }

    private static CaseEvent opened(String caseRef) {
        return event(caseRef, EventType.CASE_OPENED, caseRef + "-open",
                RowFields.builder().occurredOn(DAY).forceCode("E23000005").build());
    }

    private static CaseEvent arrest(String caseRef, String rowId) {
        return event(caseRef, EventType.ARRESTED, rowId, RowFields.builder().occurredOn(DAY).suspectRef("S1").build());
    }

    @Test
    void concurrent_writers_to_one_new_case_never_lose_an_event() throws Exception {
        String caseRef = unique("RACE");
        int writers = 8;
        int eventsEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Callable<Integer> work = () -> {
                    int appended = commands.<RecordingOutcome>sendAndWait(RecordCaseEvents.of(opened(caseRef),
                            arrest(caseRef, caseRef + "-w" + writer + "-first"))).appended();
                    for (int i = 1; i < eventsEach; i++) {
                        RecordingOutcome outcome = commands.sendAndWait(
                                RecordCaseEvents.of(arrest(caseRef, caseRef + "-w" + writer + "-" + i)));
                        appended += outcome.appended();
                    }
                    return appended;
                };
                results.add(pool.submit(work));
            }
            int appended = 0;
            for (Future<Integer> result : results) {
                appended += result.get();
            }
            assertThat(appended).as("each writer's events and one case opened").isEqualTo(writers * eventsEach + 1);
        } finally {
            pool.shutdownNow();
        }
        List<Long> sequence = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, caseRef);
        assertThat(sequence).hasSize(1 + writers * eventsEach);
        assertThat(sequence).isEqualTo(Stream.iterate(0L, n -> n + 1).limit(sequence.size()).toList());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE case_ref = ?", Long.class, caseRef))
                .isEqualTo(1 + writers * eventsEach);
    }

    @Test
    void appending_a_sequence_number_already_taken_is_a_retryable_conflict() {
        String caseRef = unique("CLASH");
        commands.sendAndWait(RecordCaseEvents.of(opened(caseRef), arrest(caseRef, caseRef + "-a")));

        assertThatThrownBy(() -> append(caseRef, 0)).as("a second creation of the same case")
                .isInstanceOf(AggregateStreamCreationException.class)
                .matches(failure -> !new AxonNonTransientExceptionClassesPredicate().test(failure),
                        "is retried by the command gateway");
        assertThatThrownBy(() -> append(caseRef, 1)).as("PostgreSQL's unique_violation (23505) read as a conflict")
                .isInstanceOf(ConcurrencyException.class).isInstanceOf(AxonTransientException.class);
    }

    private void append(String caseRef, long sequenceNumber) {
        GenericDomainEventMessage<CaseEvent> clash = new GenericDomainEventMessage<>(
                CaseAggregate.class.getSimpleName(), caseRef, sequenceNumber, arrest(caseRef, caseRef + "-clash"));
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> storage.appendEvents(clash));
    }

    @Test
    void a_rolled_back_append_leaves_a_gap_that_readers_step_over() {
        String before = unique("GAP");
        String rolledBack = unique("GAP");
        String after = unique("GAP");
        commands.sendAndWait(RecordCaseEvents.of(opened(before)));
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            commands.sendAndWait(RecordCaseEvents.of(opened(rolledBack), arrest(rolledBack, rolledBack + "-a")));
            status.setRollbackOnly();
        });
        commands.sendAndWait(RecordCaseEvents.of(opened(after)));

        Long beforePosition = position(before);
        Long afterPosition = position(after);
        assertThat(afterPosition - beforePosition).as("the rolled-back events used up their positions").isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, rolledBack)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE case_ref = ?", Long.class, rolledBack))
                .as("the ledger index rolled back with the events").isZero();

        List<String> streamed;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            streamed = events.map(message -> ((CaseEvent) message.getPayload()).caseRef())
                    .filter(caseRef -> caseRef.startsWith("GAP")).collect(Collectors.toList());
        }
        assertThat(streamed).contains(before, after).doesNotContain(rolledBack);
    }

    @Test
    void the_ledger_holds_every_stored_event_at_its_global_position_with_its_fields() {
        String caseRef = unique("LEDGER");
        CaseEvent correction = CaseEvents.create(EventType.CORRECTION, caseRef, DAY.plusDays(5),
                new SourceRow("EVENTSTORE-TEST", caseRef + "-fix"), caseRef + "-a",
                RowFields.builder().occurredOn(DAY.minusDays(2)).note("earlier").build());
        commands.sendAndWait(RecordCaseEvents.of(opened(caseRef), arrest(caseRef, caseRef + "-a"), correction));

        List<String> mismatches = jdbc.queryForList("SELECT l.source_row_id FROM ledger_row l "
                + "FULL JOIN domain_event_entry e ON e.event_identifier = l.event_id "
                + "WHERE (l.case_ref = ? OR e.aggregate_identifier = ?) "
                + "AND (l.position IS DISTINCT FROM e.global_index OR l.case_ref IS DISTINCT FROM e.aggregate_identifier)",
                String.class, caseRef, caseRef);
        assertThat(mismatches).isEmpty();
        assertThat(jdbc.queryForMap("SELECT event_type, occurred_on, reported_on, corrected_row_id, note "
                + "FROM ledger_row WHERE source_row_id = ?", caseRef + "-fix"))
                .containsEntry("event_type", "CORRECTION")
                .containsEntry("occurred_on", Date.valueOf(DAY.minusDays(2)))
                .containsEntry("reported_on", Date.valueOf(DAY.plusDays(5)))
                .containsEntry("corrected_row_id", caseRef + "-a").containsEntry("note", "earlier");
        assertThat(jdbc.queryForObject("SELECT force_code FROM ledger_row WHERE source_row_id = ?", String.class,
                caseRef + "-open")).isEqualTo("E23000005");
    }

    private Long position(String caseRef) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseRef);
    }
}
