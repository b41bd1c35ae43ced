package org.casetrail.projections.jdbc;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most so many reads at once, for reads that hold much in memory or keep the cores busy (a figure folded from the
 * ledger, a lags read holding all its members' rows). The rest wait their turn in order of arrival; one that has not
 * had its turn within the wait is refused with {@link BusyException}, so that a burst of callers is told to come back
 * rather than held until their connections time out.
 */
public final class BoundedReads {

    /** How long a read waits for its turn before it is refused. */
    public static final Duration WAIT_FOR_A_TURN = Duration.ofSeconds(20);

    private final Semaphore turns;
    private final Duration wait;

    public BoundedReads(int atOnce, Duration wait) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one read at once, not " + atOnce);
        }
        this.turns = new Semaphore(atOnce, true);
        this.wait = wait;
    }

    public void read(Runnable read) {
        read(() -> {
            read.run();
            return null;
        });
    }

    public <T> T read(Supplier<T> read) {
        try {
            if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusyException(retryAfterSeconds());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BusyException(retryAfterSeconds());
        }
        try {
            return read.get();
        } finally {
            turns.release();
        }
    }

    private int retryAfterSeconds() {
        return (int) Math.max(1, wait.toSeconds());
    }
}
