/**
 * The access log of SEMANTICS section 8: every read of case-level data with its reason, every refused request and
 * failed sign-in, every write and every read of the log itself; append-only and hash-chained, so that an entry
 * altered, removed or moved is found by {@link org.casetrail.api.audit.AccessLog#verify()}.
 */
package org.casetrail.api.audit;
