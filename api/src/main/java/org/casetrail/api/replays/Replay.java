package org.casetrail.api.replays;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** A rebuild of one definition's results over the whole history, and how far it has got. */
public record Replay(UUID id, String definitionId, int version, State state, long eventsDone, long eventsTotal,
                     long runningMillis, Instant startedAt, Instant finishedAt, String error) {

    public enum State { RUNNING, COMPLETED, FAILED }

    /** Events per second while it ran (not counting time it was stopped, e.g. by a restart). */
    public BigDecimal eventsPerSecond() {
        if (runningMillis <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(eventsDone * 1000L).divide(BigDecimal.valueOf(runningMillis), 0,
                RoundingMode.HALF_UP);
    }
}
