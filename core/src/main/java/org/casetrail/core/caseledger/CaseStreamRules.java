package org.casetrail.core.caseledger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.EventType;

/**
 * The rules that keep one case's stream right, and the little state they need: the case is opened once and before
 * anything else, each suspect is identified once and each victim recorded once, a corrected or retracted row exists in
 * the case and keeps its identity, and a row id is never reused for different content.
 * <p>
 * The aggregate enforces these on every command; the import uses the same rules to check a whole file before it
 * applies any of it.
 */
public final class CaseStreamRules {

    /**
     * What the rules say of a candidate event: accept it, skip it as a duplicate (the same row with the same content
     * is already in the stream), or reject it for the violation given.
     */
    public record Verdict(Kind kind, RuleViolation violation) {

        public enum Kind { ACCEPT, DUPLICATE, REJECT }
    }

    private static final Verdict ACCEPT = new Verdict(Verdict.Kind.ACCEPT, null);
    private static final Verdict DUPLICATE = new Verdict(Verdict.Kind.DUPLICATE, null);

    private final String caseRef;
    private SourceRow openedBy;
    private final Set<String> identifiedSuspects;
    private final Set<String> recordedVictims;
    private final Map<SourceRow, StreamFact> rows;

    public CaseStreamRules(String caseRef) {
        this(caseRef, null, new HashSet<>(), new HashSet<>(), new HashMap<>());
    }

    private CaseStreamRules(String caseRef, SourceRow openedBy, Set<String> identifiedSuspects,
                            Set<String> recordedVictims, Map<SourceRow, StreamFact> rows) {
        this.caseRef = caseRef;
        this.openedBy = openedBy;
        this.identifiedSuspects = identifiedSuspects;
        this.recordedVictims = recordedVictims;
        this.rows = rows;
    }

    /** An independent copy, to try a batch of events without touching this state. */
    public CaseStreamRules copy() {
        return new CaseStreamRules(caseRef, openedBy, new HashSet<>(identifiedSuspects), new HashSet<>(recordedVictims),
                new HashMap<>(rows));
    }

    public boolean isOpened() {
        return openedBy != null;
    }

    public Verdict judge(StreamFact fact) {
        StreamFact earlier = rows.get(fact.row());
        if (earlier != null) {
            return earlier.fingerprint().equals(fact.fingerprint()) ? DUPLICATE
                    : reject("source_row_id", "row " + fact.row() + " was already imported with different content");
        }
        return firstViolation(fact).map(violation -> new Verdict(Verdict.Kind.REJECT, violation)).orElse(ACCEPT);
    }

    /** Takes an accepted event into the state. */
    public void record(StreamFact fact) {
        rows.put(fact.row(), fact);
        switch (fact.type()) {
            case CASE_OPENED -> openedBy = fact.row();
            case SUSPECT_IDENTIFIED -> identifiedSuspects.add(fact.suspectRef());
            case VICTIM_RECORDED -> recordedVictims.add(fact.victimRef());
            default -> {
            }
        }
    }

    private Optional<RuleViolation> firstViolation(StreamFact fact) {
        if (fact.type() == EventType.CASE_OPENED) {
            return isOpened()
                    ? violation("event_type", "case " + caseRef + " was already opened by row " + openedBy)
                    : Optional.empty();
        }
        if (!isOpened()) {
            return violation("case_ref", "case " + caseRef + " was never opened: its CASE_OPENED row must come "
                    + "before every other row of the case");
        }
        return switch (fact.type()) {
            case SUSPECT_IDENTIFIED -> identifiedSuspects.contains(fact.suspectRef())
                    ? violation("suspect_ref", "suspect " + fact.suspectRef() + " of case " + caseRef
                    + " was already identified; a change is a CORRECTION")
                    : Optional.empty();
            case VICTIM_RECORDED -> recordedVictims.contains(fact.victimRef())
                    ? violation("victim_ref", "victim " + fact.victimRef() + " of case " + caseRef
                    + " was already recorded; a change is a CORRECTION")
                    : Optional.empty();
            case CORRECTION, RETRACTION -> amendmentViolation(fact);
            default -> Optional.empty();
        };
    }

    private Optional<RuleViolation> amendmentViolation(StreamFact amendment) {
        StreamFact target = rows.get(amendment.row().sibling(amendment.correctedRowId()));
        if (target == null) {
            return violation("corrects_row_id", "corrects_row_id " + amendment.correctedRowId()
                    + " names no earlier row of case " + caseRef + " in source " + amendment.row().source());
        }
        if (amendment.type() == EventType.CORRECTION && target.type().isAmendment()) {
            return violation("corrects_row_id", "row " + target.row() + " is a " + target.type()
                    + "; a CORRECTION can only correct an event row (retract a wrong correction instead)");
        }
        if (amendment.type() == EventType.RETRACTION && target.type() == EventType.RETRACTION) {
            return violation("corrects_row_id", "row " + target.row() + " is a RETRACTION and cannot be retracted;"
                    + " import the row again under a new source_row_id");
        }
        if (changes(amendment.suspectRef(), target.suspectRef())) {
            return violation("suspect_ref", "a " + amendment.type() + " cannot change suspect_ref (row "
                    + target.row() + " names " + describe(target.suspectRef()) + ")");
        }
        if (changes(amendment.victimRef(), target.victimRef())) {
            return violation("victim_ref", "a " + amendment.type() + " cannot change victim_ref (row "
                    + target.row() + " names " + describe(target.victimRef()) + ")");
        }
        return Optional.empty();
    }

    private static boolean changes(String given, String original) {
        return given != null && !Objects.equals(given, original);
    }

    private static String describe(String ref) {
        return ref == null ? "none" : ref;
    }

    private static Verdict reject(String column, String message) {
        return new Verdict(Verdict.Kind.REJECT, new RuleViolation(column, message));
    }

    private static Optional<RuleViolation> violation(String column, String message) {
        return Optional.of(new RuleViolation(column, message));
    }
}
