/**
 * The async read models: each definition's current-state model and funnel cells, kept by the pooled
 * member-models processor and rebuilt by replays.
 */
package org.casetrail.projections.models;
