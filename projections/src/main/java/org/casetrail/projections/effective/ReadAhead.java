package org.casetrail.projections.effective;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads cases on a thread of its own while the calling thread handles the cases already read, so that the database
 * producing rows and the figure or model consuming them work at the same time (the two cores each do one). Cases reach
 * the handler in the order they were read, on the calling thread; at most a few hundred cases are held in between.
 * If the handler fails, reading stops; if reading fails, the handler's thread gets the failure.
 */
final class ReadAhead {

    private static final int CASES_PER_HANDOFF = 256;
    private static final int HANDOFFS_AHEAD = 8;
    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(HANDOFFS_AHEAD);
    private volatile boolean abandoned;

    private ReadAhead() {
    }

    /** Runs {@code reader}, which hands each case it reads to the sink it is given, and {@code handler} on them. */
    static void run(Consumer<BiConsumer<String, List<LedgerEvent>>> reader,
                    BiConsumer<String, List<LedgerEvent>> handler) {
        new ReadAhead().go(reader, handler);
    }

    private void go(Consumer<BiConsumer<String, List<LedgerEvent>>> reader,
                    BiConsumer<String, List<LedgerEvent>> handler) {
        Thread thread = new Thread(() -> read(reader), "ledger-read-ahead");
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    return;
                }
                if (next instanceof Failure failure) {
                    if (failure.cause() instanceof RuntimeException e) {
                        throw e;
                    }
                    if (failure.cause() instanceof Error e) {
                        throw e;
                    }
                    throw new IllegalStateException(failure.cause());
                }
                @SuppressWarnings("unchecked")
                List<Map.Entry<String, List<LedgerEvent>>> cases = (List<Map.Entry<String, List<LedgerEvent>>>) next;
                cases.forEach(entry -> handler.accept(entry.getKey(), entry.getValue()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ledger", e);
        } finally {
            abandoned = true;
        }
    }

    private void read(Consumer<BiConsumer<String, List<LedgerEvent>>> reader) {
        try {
            List<Map.Entry<String, List<LedgerEvent>>> chunk = new ArrayList<>(CASES_PER_HANDOFF);
            reader.accept((caseRef, events) -> {
                chunk.add(Map.entry(caseRef, events));
                if (chunk.size() == CASES_PER_HANDOFF) {
                    put(new ArrayList<>(chunk));
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                put(chunk);
            }
            put(END);
        } catch (Abandoned e) {
            // the handler stopped; nobody waits for the rest
        } catch (Throwable e) {
            try {
                put(new Failure(e));
            } catch (Abandoned ignored) {
                // the handler stopped already
            }
        }
    }

    private void put(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned) {
                    throw new Abandoned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned();
        }
    }
}
