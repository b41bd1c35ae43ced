package org.casetrail.api.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetrail.core.caseledger.EventMetaData;
import org.casetrail.core.caseledger.RecordCaseEvents;
import org.casetrail.core.caseledger.RecordingOutcome;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a checked import: one {@link RecordCaseEvents} command per case, many cases to a database transaction so
 * that commits do not dominate. A transaction that loses a race with another writer is simply run again: the
 * aggregate skips what it already holds, so a retry never appends twice.
 */
@Component
class ImportApplier {

    static final int CASES_PER_TRANSACTION = 200;
    static final int EVENTS_PER_COMMAND = 2_000;
    private static final int ATTEMPTS = 5;

    private final StagingArea staging;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;

    /**
     * The applier retries whole transactions itself, so it sends through a gateway without a retry scheduler: a retry
     * inside a transaction that already failed could never commit.
     */
    ImportApplier(StagingArea staging, CommandBus commandBus, PlatformTransactionManager transactionManager) {
        this.staging = staging;
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.transactions = new TransactionTemplate(transactionManager);
    }

    record Outcome(long appended, long duplicates) {
    }

    Outcome apply(UUID importId, ImportProgress progress) {
        Batch batch = new Batch(importId, progress);
        staging.forEachStagedEvent(importId, staged -> batch.add(staged));
        batch.closeCase();
        batch.commit();
        return new Outcome(batch.appended, batch.duplicates);
    }

    private final class Batch {
        private final UUID importId;
        private final ImportProgress progress;
        private final List<RecordCaseEvents> commandsToSend = new ArrayList<>();
        private String caseRef;
        private List<RecordCaseEvents.Entry> caseEntries = new ArrayList<>();
        private long appended;
        private long duplicates;

        Batch(UUID importId, ImportProgress progress) {
            this.importId = importId;
            this.progress = progress;
        }

        void add(StagingArea.StagedEvent staged) {
            if (!staged.caseRef().equals(caseRef) || caseEntries.size() == EVENTS_PER_COMMAND) {
                closeCase();
                caseRef = staged.caseRef();
            }
            caseEntries.add(new RecordCaseEvents.Entry(staged.event(), staged.line()));
        }

        void closeCase() {
            if (!caseEntries.isEmpty()) {
                commandsToSend.add(new RecordCaseEvents(caseRef, caseEntries));
                caseEntries = new ArrayList<>();
            }
            if (commandsToSend.size() == CASES_PER_TRANSACTION) {
                commit();
            }
        }

        void commit() {
            if (commandsToSend.isEmpty()) {
                return;
            }
            RecordingOutcome total = inOneTransaction(commandsToSend);
            appended += total.appended();
            duplicates += total.duplicates();
            progress.advanced(commandsToSend.stream().mapToLong(command -> command.entries().size()).sum());
            commandsToSend.clear();
        }

        private RecordingOutcome inOneTransaction(List<RecordCaseEvents> batch) {
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
