package org.casetrail.core.caseledger.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import org.casetrail.core.pipeline.EventType;

/**
 * One fact about a case, as recorded in its append-only stream. Every event carries its valid time
 * ({@link #occurredOn()}), its knowledge time ({@link #reportedOn()}) and the source row it came from; the store adds
 * the system time (global position and timestamp). Each event keeps every data field its row filled, so nothing a
 * source said is lost, even where a figure does not use it.
 */
public sealed interface CaseEvent permits CaseOpened, VictimRecorded, SuspectEvent, CaseClosed, CaseReopened,
        AmendmentEvent {

    String caseRef();

    LocalDate reportedOn();

    SourceRow source();

    EventType type();

    /** The data fields the row filled. */
    RowFields fields();

    default LocalDate occurredOn() {
        return fields().occurredOn();
    }

    /**
     * A digest of everything the row said apart from its identity, so that a row sent again can be told from a row
     * sent again with different content.
     */
    default String fingerprint() {
        String corrects = this instanceof AmendmentEvent amendment ? amendment.correctedRowId() : "";
        String canonical = String.join("\n", type().name(), caseRef(), reportedOn().toString(), corrects,
                fields().canonical());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
