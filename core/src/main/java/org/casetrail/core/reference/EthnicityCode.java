package org.casetrail.core.reference;

/** A self-defined (18+1) or officer-defined (IC) ethnicity code and the five-group category it maps to. */
public record EthnicityCode(String code, Scheme scheme, String label, String group) {

    public static final String NOT_RECORDED = "Not recorded";

    public enum Scheme { SELF_DEFINED, OFFICER_DEFINED }

    /** {@code NS} and {@code IC9} are codes that say nothing: the person's ethnicity is not recorded. */
    public boolean isRecorded() {
        return !NOT_RECORDED.equals(group);
    }
}
