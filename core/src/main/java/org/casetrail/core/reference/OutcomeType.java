package org.casetrail.core.reference;

/** A Home Office crime outcome type (0-22) and its published group. */
public record OutcomeType(int number, String description, String group) {
}
