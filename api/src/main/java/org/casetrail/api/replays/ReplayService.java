package org.casetrail.api.replays;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.core.definition.Definition;
import org.casetrail.projections.effective.EffectiveView;
import org.casetrail.projections.effective.LedgerCaseSource;
import org.casetrail.projections.effective.LedgerEvent;
import org.casetrail.projections.models.DefinitionModels;
import org.casetrail.projections.models.MemberModelProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a definition's current-state model from the whole history in the background, while the server goes on
 * answering: it reads the ledger in one pass with plain JDBC (not through per-event handlers), case by case, and
 * writes each batch of cases together with a checkpoint, so that a replay stopped by a restart resumes where it was
 * and ends with the same results. At the end it catches up with what was stored meanwhile and hands the model to the
 * member-models processor, which keeps it up to date from then on.
 */
@Service
public class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private static final int HEARTBEAT_SECONDS = 5;
    /** A claim whose heartbeat is older than this belongs to a node that stopped. */
    private static final int STALE_SECONDS = 30;

    private final JdbcTemplate jdbc;
    private final DefinitionCatalog definitions;
    private final DefinitionModels models;
    private final LedgerCaseSource ledger;
    private final TransactionTemplate transactions;
    private final int casesPerBatch;
    private final long throttleMillis;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;
    /** This process, as the owner of the replays it runs. */
    private final String node = UUID.randomUUID().toString();
    /** The replays this process is running now. */
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService claims = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay-claims");
        thread.setDaemon(true);
        return thread;
    });

    public ReplayService(JdbcTemplate jdbc, DefinitionCatalog definitions, DefinitionModels models,
                         LedgerCaseSource ledger, PlatformTransactionManager transactionManager,
                         @Value("${casetrail.replay.cases-per-batch:500}") int casesPerBatch,
                         @Value("${casetrail.replay.throttle-millis:0}") long throttleMillis) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.models = models;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
        this.casesPerBatch = casesPerBatch;
        this.throttleMillis = throttleMillis;
    }

    /** @throws ReplayAlreadyRunningException when the definition version is being replayed already */
    public Replay start(Definition definition) {
        UUID id = UUID.randomUUID();
        active.add(id);
        try {
            // The claim: a unique index allows one RUNNING replay per definition version, whichever node asks.
            jdbc.update("""
                            INSERT INTO replay (id, definition_id, version, state, events_total, started_at, owner,
                            heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())""", id, definition.id(),
                    definition.version(), Replay.State.RUNNING.name(), ledger.eventCount(),
                    Timestamp.from(Instant.now()), node);
        } catch (DuplicateKeyException running) {
            active.remove(id);
            List<UUID> other = jdbc.queryForList("""
                    SELECT id FROM replay WHERE definition_id = ? AND version = ?
                    AND state = ?""", UUID.class, definition.id(), definition.version(), Replay.State.RUNNING.name());
            throw new ReplayAlreadyRunningException(definition, other.isEmpty() ? null : other.get(0));
        }
        models.startBuilding(definition);
        submit(id);
        return find(id).orElseThrow();
    }

    /** Runs a replay this process has claimed (and marked active, so that no other claim of it is made here). */
    private void submit(UUID id) {
        active.add(id);
        runner.submit(() -> {
            try {
                run(id);
            } finally {
                active.remove(id);
            }
        });
    }

    public Optional<Replay> find(UUID id) {
        return jdbc.query("SELECT * FROM replay WHERE id = ?", (row, i) -> new Replay(row.getObject("id", UUID.class),
                row.getString("definition_id"), row.getInt("version"), Replay.State.valueOf(row.getString("state")),
                row.getLong("events_done"), row.getLong("events_total"), row.getLong("running_millis"),
                row.getTimestamp("started_at").toInstant(),
                row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
                row.getString("error")), id).stream().findFirst();
    }

    /**
     * Replays a restart interrupted carry on from their checkpoints: those this process owns but no longer runs, and
     * those whose owner's heartbeat has gone stale (a node that died). A replay a live node is running is left to it.
     * From then on this process keeps its replays' heartbeats fresh and looks for stale ones every few seconds.
     */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void resumeInterrupted() {
        stopping = false;
        claimStale();
        if (!claimsScheduled) {
            claimsScheduled = true;
            claims.scheduleWithFixedDelay(this::keepClaims, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private volatile boolean claimsScheduled;

    private void keepClaims() {
        try {
            if (!active.isEmpty()) {
                jdbc.update("UPDATE replay SET heartbeat_at = now() WHERE owner = ? AND state = ?", node,
                        Replay.State.RUNNING.name());
            }
            if (!stopping) {
                claimStale();
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew replay claims: {}", e.getMessage());
        }
    }

    private synchronized void claimStale() {
        for (UUID id : jdbc.queryForList("""
                UPDATE replay SET owner = ?, heartbeat_at = now() WHERE state = ?
                AND NOT (id::text = ANY (?::text[])) AND (owner IS NULL OR owner = ? OR heartbeat_at < now() -
                make_interval(secs => ?)) RETURNING id""", UUID.class, node, Replay.State.RUNNING.name(),
                active.stream().map(UUID::toString).toArray(String[]::new), node, STALE_SECONDS)) {
            log.info("Resuming replay {} from its checkpoint", id);
            submit(id);
        }
    }

    /** Stops running replays between two batches, as a shutdown does; they resume on the next start. */
    public void stop() {
        stopping = true;
    }

    /**
     * At shutdown the claims stop too, at once: renewing them while the connection pool closes held the shutdown up
     * for the pool's timeout.
     */
    @PreDestroy
    void close() {
        stop();
        claims.shutdownNow();
    }

    /** An update of this replay's row that applies only while this process still owns it. */
    private boolean updateOwned(String set, UUID id, Object... values) {
        Object[] arguments = new Object[values.length + 3];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = id;
        arguments[values.length + 1] = node;
        arguments[values.length + 2] = Replay.State.RUNNING.name();
        return jdbc.update("UPDATE replay SET " + set + " WHERE id = ? AND owner = ? AND state = ?", arguments) == 1;
    }

    private record Progress(String definitionId, int version, String checkpoint) {
    }

    private void run(UUID id) {
        Progress progress = jdbc.queryForObject("""
                SELECT definition_id, version, checkpoint_case FROM replay
                WHERE id = ?""", (row, i) -> new Progress(row.getString(1), row.getInt(2), row.getString(3)), id);
        Definition definition = definitions.find(progress.definitionId(), progress.version()).orElseThrow();
        long startedAt = ledger.head();
        try (Batch batch = new Batch(id, definition)) {
            if (progress.checkpoint() == null) {
                models.clearDeletedRows();
            }
            ledger.forEachCaseEvents(progress.checkpoint(), EffectiveView.Cut.HEAD, batch::add);
            if (stopping) {
                return;
            }
            batch.write();
            batch.awaitWriting();
            finish(id, definition, startedAt);
        } catch (StoppedException stopped) {
            log.info("Replay {} stopped at its last checkpoint", id);
        } catch (RuntimeException e) {
            log.error("Replay {} failed", id, e);
            // The caller reads this: what failed, never an internal message (the log has the whole of it).
            updateOwned("state = ?, error = ?, finished_at = now()", id, Replay.State.FAILED.name(),
                    "the replay failed at its last checkpoint (see the server log for replay " + id + "); start "
                            + "it again to resume");
        }
    }

    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super(null, null, false, false);
        }
    }

    /**
     * The cases read since the last write. A batch's member rows are worked out on the reading thread while the batch
     * before is written on another (PostgreSQL's work then overlaps Java's): one write at a time, in order, each with
     * its checkpoint in one transaction, so a stop still leaves the model at its last checkpoint.
     */
    private final class Batch implements AutoCloseable {
        private final UUID id;
        private final Definition definition;
        private final Map<String, List<LedgerEvent>> cases = new LinkedHashMap<>();
        private long events;
        private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replay-writer");
            thread.setDaemon(true);
            return thread;
        });
        private Future<?> writing = CompletableFuture.completedFuture(null);
        /** When the last write ended (read and set on the writing thread only). */
        private long lastWrite = System.currentTimeMillis();

        Batch(UUID id, Definition definition) {
            this.id = id;
            this.definition = definition;
        }

        void add(String caseRef, List<LedgerEvent> caseEvents) {
            if (stopping) {
                throw new StoppedException();
            }
            cases.put(caseRef, caseEvents);
            events += caseEvents.size();
            if (cases.size() == casesPerBatch) {
                write();
            }
        }

        void write() {
            if (cases.isEmpty()) {
                return;
            }
            String checkpoint = new ArrayList<>(cases.keySet()).get(cases.size() - 1);
            var rows = MemberModelProjection.rows(definition, cases);
            long written = events;
            awaitWriting();
            writing = writer.submit(() -> store(() -> models.insert(definition, rows), checkpoint, written));
            cases.clear();
            events = 0;
        }

        private void store(Runnable insert, String checkpoint, long written) {
            transactions.executeWithoutResult(status -> {
                insert.run();
                long now = System.currentTimeMillis();
                if (!updateOwned("checkpoint_case = ?, events_done = events_done + ?, running_millis = running_millis "
                        + "+ ?, heartbeat_at = now()", id, checkpoint, written, now - lastWrite)) {
                    // Another node took the replay over: this batch is not ours to write.
                    status.setRollbackOnly();
                    throw new StoppedException();
                }
            });
            throttle();
            lastWrite = System.currentTimeMillis();
        }

        /** Waits for the batch being written; its failure (or stop) is this thread's. */
        void awaitWriting() {
            try {
                writing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoppedException();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException("writing a replay batch failed", e.getCause());
            }
        }

        /** Lets a write under way end (committed or not) before the replay returns, so none outlives it. */
        @Override
        public void close() {
            writer.shutdown();
            try {
                writer.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Catches up with what was stored during the replay, then hands the model over to the processor. */
    private void finish(UUID id, Definition definition, long startedAt) {
        // Statistics first (the model was just filled in bulk), then the funnel cells from the whole model, and only
        // then catching up and handing over.
        models.analyzeMembers();
        models.buildCells(definition);
        long caughtUpTo = startedAt;
        for (int round = 0; round < 3; round++) {
            long head = ledger.head();
            catchUp(definition, caughtUpTo);
            caughtUpTo = head;
        }
        long from = caughtUpTo;
        transactions.executeWithoutResult(status -> {
            models.lockForFinish(definition);
            long head = ledger.head();
            catchUp(definition, from);
            if (!updateOwned("state = ?, finished_at = now()", id, Replay.State.COMPLETED.name())) {
                status.setRollbackOnly();
                throw new StoppedException();
            }
            models.markReady(definition, head);
        });
        log.info("Replay {} of {} completed", id, definition.reference());
    }

    private void catchUp(Definition definition, long after) {
        List<String> changed = ledger.casesChangedAfter(after);
        for (int i = 0; i < changed.size(); i += casesPerBatch) {
            List<String> slice = changed.subList(i, Math.min(changed.size(), i + casesPerBatch));
            models.replace(definition, MemberModelProjection.rows(definition, ledger.caseEvents(slice)));
        }
    }

    private void throttle() {
        if (throttleMillis > 0) {
            try {
                Thread.sleep(throttleMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoppedException();
            }
        }
    }
}
