/**
 * PostgreSQL helpers shared by the read models: server-side cursors, COPY and array parameters.
 */
package org.casetrail.projections.jdbc;
