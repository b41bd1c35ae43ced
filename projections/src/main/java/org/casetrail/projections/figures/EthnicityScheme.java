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
        String code = code(person);
        if (code == null) {
            return NOT_RECORDED;
        }
        if (level == Level.CODE) {
            return code;
        }
        return ReferenceData.standard().ethnicity(code, isSelfDefined(code) ? EthnicityCode.Scheme.SELF_DEFINED
                : EthnicityCode.Scheme.OFFICER_DEFINED).map(EthnicityCode::group).orElse(NOT_RECORDED);
    }

    private String code(RowFields person) {
        if (person == null) {
            return null;
        }
        String self = recorded(person.ethnicity(), EthnicityCode.Scheme.SELF_DEFINED);
        String officer = recorded(person.officerEthnicity(), EthnicityCode.Scheme.OFFICER_DEFINED);
        return switch (this) {
            case SELF -> self;
            case OFFICER -> officer;
            case BEST -> self != null ? self : officer;
        };
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
