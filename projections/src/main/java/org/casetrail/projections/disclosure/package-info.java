/**
 * Disclosure control (SEMANTICS section 8): how a published figure is protected before the public reads it. {@link
 * org.casetrail.projections.disclosure.CellSuppression} is the rule on plain numbers (primary, then secondary over
 * families until nothing more is suppressed); {@link org.casetrail.projections.disclosure.AnswerProtection} finds the
 * counts, families and derived values in a figure's JSON answer and writes the protected answer.
 */
package org.casetrail.projections.disclosure;
