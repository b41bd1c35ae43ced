package org.casetrail.core.caseledger;

import java.util.List;
import java.util.stream.Collectors;

import org.axonframework.common.AxonNonTransientException;

/**
 * A command was refused because some of its events break the case's stream rules; nothing was appended. Sending it
 * again cannot help, so it is non-transient: no retry scheduler repeats it.
 */
public class CaseRulesViolatedException extends AxonNonTransientException {

    /** A violation of the event at {@code index} of the command, read from {@code line} of its import. */
    public record Refusal(int index, long line, RuleViolation violation) {
    }

    private final String caseRef;
    private final List<Refusal> refusals;

    public CaseRulesViolatedException(String caseRef, List<Refusal> refusals) {
        super("case " + caseRef + ": " + refusals.stream()
                .map(refusal -> refusal.violation().column() + ": " + refusal.violation().message())
                .collect(Collectors.joining("; ")));
        this.caseRef = caseRef;
        this.refusals = List.copyOf(refusals);
    }

    public String caseRef() {
        return caseRef;
    }

    public List<Refusal> refusals() {
        return refusals;
    }
}
