/**
 * The effective view of SEMANTICS 4, computed live at query time: the ledger read case by case at a cut
 * (knowledge date and store position), corrections and retractions applied.
 */
package org.casetrail.projections.effective;
