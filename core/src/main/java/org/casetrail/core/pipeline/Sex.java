package org.casetrail.core.pipeline;

/** F, M, X (another sex) or U (unknown), as the import format allows. */
public enum Sex {
    F, M, X, U
}
