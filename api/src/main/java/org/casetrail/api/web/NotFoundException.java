package org.casetrail.api.web;

/** Something named in the path does not exist: {@code property} says what kind, {@code value} which. */
class NotFoundException extends RuntimeException {

    private final String property;
    private final String value;

    NotFoundException(String property, String value, String message) {
        super(message);
        this.property = property;
        this.value = value;
    }

    String property() {
        return property;
    }

    String value() {
        return value;
    }
}
