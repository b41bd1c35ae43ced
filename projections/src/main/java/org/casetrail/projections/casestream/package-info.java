/**
 * Reading one case's whole stream with its global positions, for the case stream endpoint and traces.
 */
package org.casetrail.projections.casestream;
