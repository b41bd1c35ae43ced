package org.casetrail.api.audit;

/** What an access log entry records. */
public enum AccessAction {
    /** A case's event stream was read. */
    CASE_READ,
    /** A figure's trace (its members and their events) was read. */
    TRACE_READ,
    /** The events that moved a publication's figures were read. */
    MOVED_BY_READ,
    /** The access log was read or verified. */
    AUDIT_READ,
    /** Something was changed: an import, a definition, a replay, a publication. */
    WRITE,
    /** A request was refused: no credentials, a missing role, a missing reason, a cross-origin write. */
    REFUSED,
    /** Credentials were given and were wrong. */
    SIGN_IN_FAILED
}
