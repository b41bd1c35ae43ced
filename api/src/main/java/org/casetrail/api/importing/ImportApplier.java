package org.casetrail.api.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetrail.core.caseledger.EventMetaData;
import org.casetrail.core.caseledger.RecordCaseEvents;
import org.casetrail.core.caseledger.RecordingOutcome;
import org.casetrail.projections.ledger.LedgerIndexProjection;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a checked import in one transaction, so that no one sees any of its rows until all of them are stored, and
 * an import that fails or is killed half way leaves none of them (run again, it applies them all, once). Within it the
 * rows go in batches of whole cases, each behind a savepoint: a batch is appended directly ({@link CheckedAppender})
 * when no other writer touched its cases since the check; otherwise it goes through the case aggregate, one
 * {@link RecordCaseEvents} command per case, which checks again and skips what is already stored, so nothing is ever
 * appended twice. A batch that loses a race with another writer is rolled back to its savepoint and run again.
 */
@Component
class ImportApplier {

    static final int CASES_PER_BATCH = 500;
    static final int MAX_EVENTS_PER_BATCH = 20_000;
    static final int EVENTS_PER_COMMAND = 2_000;
    private static final int ATTEMPTS = 5;

    private final StagingArea staging;
    private final CheckedAppender appender;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final TransactionTemplate whole;
    private final ImportRuns runs;
    private final LedgerIndexProjection ledgerIndex;

    /**
     * The applier retries whole transactions itself, so it sends through a gateway without a retry scheduler: a retry
     * inside a transaction that already failed could never commit.
     */
    ImportApplier(StagingArea staging, CheckedAppender appender, CommandBus commandBus,
                  PlatformTransactionManager transactionManager, ImportRuns runs, LedgerIndexProjection ledgerIndex) {
        this.staging = staging;
        this.ledgerIndex = ledgerIndex;
        this.appender = appender;
        this.runs = runs;
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.whole = new TransactionTemplate(transactionManager);
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    record Outcome(long appended, long duplicates) {
    }

    Outcome apply(UUID importId, ImportProgress progress) {
        return whole.execute(status -> {
            Batch batch = new Batch(importId, progress);
            staging.forEachStagedEvent(importId, batch::add);
            batch.commit();
            return new Outcome(batch.appended, batch.duplicates);
        });
    }

    private final class Batch {
        private final UUID importId;
        private final ImportProgress progress;
        private final List<StagingArea.StagedEvent> events = new ArrayList<>();
        private String caseRef;
        private int cases;
        private long appended;
        private long duplicates;

        Batch(UUID importId, ImportProgress progress) {
            this.importId = importId;
            this.progress = progress;
        }

        void add(StagingArea.StagedEvent staged) {
            if (!staged.caseRef().equals(caseRef)) {
                if (cases == CASES_PER_BATCH) {
                    commit();
                }
                caseRef = staged.caseRef();
                cases++;
            }
            events.add(staged);
            if (events.size() == MAX_EVENTS_PER_BATCH) {
                commit();
                cases = 1;
            }
        }

        void commit() {
            if (events.isEmpty()) {
                return;
            }
            if (appender.append(importId, events)) {
                appended += events.size();
            } else {
                RecordingOutcome outcome = throughTheAggregate(commandsFor(events));
                appended += outcome.appended();
                duplicates += outcome.duplicates();
            }
            progress.advanced(events.size());
            runs.applied(importId, appended);
            events.clear();
            cases = 0;
        }

        private List<RecordCaseEvents> commandsFor(List<StagingArea.StagedEvent> batch) {
            List<RecordCaseEvents> commandsToSend = new ArrayList<>();
            List<RecordCaseEvents.Entry> entries = new ArrayList<>();
            String current = null;
            for (StagingArea.StagedEvent staged : batch) {
                if (!staged.caseRef().equals(current) || entries.size() == EVENTS_PER_COMMAND) {
                    if (!entries.isEmpty()) {
                        commandsToSend.add(new RecordCaseEvents(current, entries));
                    }
                    entries = new ArrayList<>();
                    current = staged.caseRef();
                }
                entries.add(new RecordCaseEvents.Entry(staged.event(), staged.line()));
            }
            commandsToSend.add(new RecordCaseEvents(current, entries));
            return commandsToSend;
        }

        private RecordingOutcome throughTheAggregate(List<RecordCaseEvents> batch) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactions.execute(status -> {
                        int appendedHere = 0;
                        int duplicatesHere = 0;
                        for (RecordCaseEvents command : batch) {
                            RecordingOutcome outcome = commands.sendAndWait(GenericCommandMessage
                                    .asCommandMessage(command).andMetaData(Map.of(EventMetaData.IMPORT_ID, importId.toString())));
                            appendedHere += outcome.appended();
                            duplicatesHere += outcome.duplicates();
                        }
                        ledgerIndex.flush();
                        return new RecordingOutcome(appendedHere, duplicatesHere);
                    });
                } catch (ConcurrencyException | AggregateStreamCreationException | ConcurrencyFailureException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }
}
