package org.casetrail.core.pipeline;

public enum Plea {
    GUILTY, NOT_GUILTY
}
