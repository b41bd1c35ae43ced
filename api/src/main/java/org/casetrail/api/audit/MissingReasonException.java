package org.casetrail.api.audit;

import org.casetrail.core.InvalidParameterException;

/** A read of case-level data that does not say why: SEMANTICS 8 answers it 400. */
class MissingReasonException extends InvalidParameterException {

    public MissingReasonException(String message) {
        super(AccessLog.REASON_PARAMETER, message);
    }
}
