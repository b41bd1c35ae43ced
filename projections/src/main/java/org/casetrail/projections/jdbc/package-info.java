/**
 * PostgreSQL helpers shared by the read models: server-side cursors, COPY, array parameters,
 * and the bound on how many large reads run at once.
 */
package org.casetrail.projections.jdbc;
