package org.casetrail.core.reference;

/** A territorial police force of England and Wales, keyed by its ONS police force area code. */
public record PoliceForce(String code, String name, String policeUkName, String country, String region) {
}
