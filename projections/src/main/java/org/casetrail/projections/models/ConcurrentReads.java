package org.casetrail.projections.models;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most so many reads at once; the rest wait their turn. For reads that hold all their rows in memory at once.
 */
final class ConcurrentReads {

    private final Semaphore permits;

    ConcurrentReads(int atOnce) {
        this.permits = new Semaphore(atOnce, true);
    }

    <T> T read(Supplier<T> read) {
        try {
            permits.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read", interrupted);
        }
        try {
            return read.get();
        } finally {
            permits.release();
        }
    }
}
