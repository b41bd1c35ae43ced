/**
 * The async read models: each definition's current-state model (its member rows) and the cells its figures sum
 * (funnel, categories, caseload, period counts), kept by the pooled member-models processor and rebuilt by replays.
 */
package org.casetrail.projections.models;
