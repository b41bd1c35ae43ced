package org.casetrail.projections.jdbc;

/** Too much is being computed at once: the caller should try again after {@code retryAfterSeconds} (503). */
public class BusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public BusyException(int retryAfterSeconds) {
        super("the server is computing as many figures as it may at once; try again shortly");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
