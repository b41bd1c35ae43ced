package org.casetrail.api.importing;

/** The import request itself is wrong (not a row of it): the parameter named is missing or malformed. */
public class InvalidImportRequestException extends RuntimeException {

    private final String parameter;

    public InvalidImportRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
