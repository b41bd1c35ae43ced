package org.casetrail.core.pipeline;

/** The setting of the exploitation a case is about (SEMANTICS section 5). */
public enum CaseContext {
    GROUP_CSE,
    INTRA_FAMILIAL,
    PEER_ON_PEER,
    ONLINE,
    INSTITUTIONAL,
    OTHER,
    UNKNOWN
}
