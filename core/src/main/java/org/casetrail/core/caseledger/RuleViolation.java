package org.casetrail.core.caseledger;

/**
 * Why one event cannot join a case's stream. {@code column} names the import column at fault, so that an import can
 * point its user at the exact cell.
 */
public record RuleViolation(String column, String message) {
}
