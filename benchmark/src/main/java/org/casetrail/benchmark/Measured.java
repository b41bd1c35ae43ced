package org.casetrail.benchmark;

/** How many events (or rows) one measured step handled, and in how many seconds. */
record Measured(long events, double seconds) {

    double perSecond() {
        return events / seconds;
    }

    /** This step's rate as a share of another's. */
    double ratioTo(Measured baseline) {
        return perSecond() / baseline.perSecond();
    }
}
