package org.casetrail.api.web;

class CaseNotFoundException extends RuntimeException {

    private final String caseRef;

    CaseNotFoundException(String caseRef) {
        super("no case " + caseRef + " is in the store");
        this.caseRef = caseRef;
    }

    String caseRef() {
        return caseRef;
    }
}
