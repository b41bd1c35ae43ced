/**
 * Asking any declared figure: the common parameters, the ledger or the current model, figure ids, traces
 * (SEMANTICS 7) and comparisons (SEMANTICS 6.8).
 */
package org.casetrail.api.figures;
