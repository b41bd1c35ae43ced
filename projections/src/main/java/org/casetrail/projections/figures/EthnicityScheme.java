package org.casetrail.projections.figures;

import java.util.Locale;

import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.reference.EthnicityCode;
import org.casetrail.core.reference.ReferenceData;

/**
 * SEMANTICS 6.6: how a person's recorded ethnicity becomes a category. {@code NS}, {@code IC9} and empty codes are not
 * recorded, and show as the category "Not recorded": never dropped, never shared out among the others.
 */
public enum EthnicityScheme {
    /** The self-defined code only. */
    SELF,
    /** The officer-defined code only. */
    OFFICER,
    /** Self-defined if recorded, else officer-defined, else not recorded. */
    BEST;

    public enum Level { GROUP, CODE }

    public static final String NOT_RECORDED = EthnicityCode.NOT_RECORDED;

    public static EthnicityScheme parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    /** The category of a person whose attributes are these (null: no identification or victim record at all). */
    public String category(RowFields person, Level level) {
        return category(Recorded.of(person), level);
    }

    public String category(Recorded recorded, Level level) {
        return categoryOfCode(code(recorded), level);
    }

    /** The category of a code this scheme chose for a person (null: not recorded) at a level. */
    public static String categoryOfCode(String code, Level level) {
        if (code == null) {
            return NOT_RECORDED;
        }
        if (level == Level.CODE) {
            return code;
        }
        return ReferenceData.standard().ethnicity(code, isSelfDefined(code) ? EthnicityCode.Scheme.SELF_DEFINED
                : EthnicityCode.Scheme.OFFICER_DEFINED).map(EthnicityCode::group).orElse(NOT_RECORDED);
    }

    /** The code this scheme takes of a person's recorded codes, or null. */
    public String code(Recorded recorded) {
        return switch (this) {
            case SELF -> recorded.self();
            case OFFICER -> recorded.officer();
            case BEST -> recorded.self() != null ? recorded.self() : recorded.officer();
        };
    }

    /** How completely a person's ethnicity is recorded (SEMANTICS 6.6, completeness). */
    public enum Recording { SELF_DEFINED, OFFICER_ONLY, NOT_RECORDED }

    /** A person's ethnicity codes that say something, under each scheme (null: not recorded). */
    public record Recorded(String self, String officer) {

        public static final Recorded NONE = new Recorded(null, null);

        /** The recorded codes of a person's attributes (null attributes: no identification or victim record). */
        public static Recorded of(RowFields person) {
            if (person == null) {
                return NONE;
            }
            return new Recorded(recorded(person.ethnicity(), EthnicityCode.Scheme.SELF_DEFINED),
                    recorded(person.officerEthnicity(), EthnicityCode.Scheme.OFFICER_DEFINED));
        }

        public Recording recording() {
            return self != null ? Recording.SELF_DEFINED : officer != null ? Recording.OFFICER_ONLY
                    : Recording.NOT_RECORDED;
        }
    }

    /** The code if it says something: not empty, known, and not "not stated" / "unknown". */
    static String recorded(String code, EthnicityCode.Scheme scheme) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return ReferenceData.standard().ethnicity(code, scheme).filter(EthnicityCode::isRecorded)
                .map(EthnicityCode::code).orElse(null);
    }

    private static boolean isSelfDefined(String code) {
        return ReferenceData.standard().ethnicity(code, EthnicityCode.Scheme.SELF_DEFINED).isPresent();
    }
}
