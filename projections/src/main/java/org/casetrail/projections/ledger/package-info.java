/**
 * The inline read model: {@code ledger_row}, one row per stored event, written in the event's own
 * transaction by a subscribing processor.
 */
package org.casetrail.projections.ledger;
