package org.casetrail.core.pipeline;

/** The steps of the pipeline, in order (SEMANTICS section 1). */
public enum Stage {
    RECORDED,
    ARRESTED,
    CHARGED,
    PROSECUTED,
    CONVICTED
}
