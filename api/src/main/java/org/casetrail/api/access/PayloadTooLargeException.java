package org.casetrail.api.access;

/** A request body longer than its limit: answered 413. */
public class PayloadTooLargeException extends RuntimeException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
