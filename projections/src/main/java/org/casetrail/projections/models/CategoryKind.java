package org.casetrail.projections.models;

import java.util.List;

import org.casetrail.projections.figures.EthnicityScheme;

/**
 * What a category count counts of each suspect ({@code s}) or (suspect, victim {@code v}) pair, as SQL over the member
 * rows: a code ('' when not recorded) and a second code. The category cells keep the suspect kinds ({@link #stored()});
 * pairs are counted from the member rows when asked.
 */
enum CategoryKind {
    /** The self-defined code, and the officer-defined one as the second: every scheme's code is one of them. */
    ETHNICITY,
    /** How completely the ethnicity is recorded ({@link EthnicityScheme.Recording}). */
    RECORDING,
    /** The nationality code. */
    NATIONALITY,
    /** A pair's suspect code and victim code under one scheme; the victim {@link #NO_VICTIM} when the case has none. */
    PAIR_SELF, PAIR_OFFICER, PAIR_BEST,
    /**
     * A pair's suspect and victim categories under the default scheme and level (best, group), which the member rows
     * keep ({@code best_group}): the one pair kind the cells keep, as its categories are few.
     */
    PAIR_BEST_GROUP;

    /** The victim of a pair whose case has no victim. */
    static final String NO_VICTIM = "-";

    /** The kinds counted of each suspect alone. */
    static final List<CategoryKind> OF_SUSPECTS = List.of(ETHNICITY, RECORDING, NATIONALITY);
    /** The kinds the cells keep. */
    static final List<CategoryKind> STORED = List.of(ETHNICITY, RECORDING, NATIONALITY, PAIR_BEST_GROUP);

    /** The pairs of a scheme and level: the kept categories of the default ones, else codes. */
    static CategoryKind pairs(EthnicityScheme scheme, EthnicityScheme.Level level) {
        return scheme == EthnicityScheme.BEST && level == EthnicityScheme.Level.GROUP ? PAIR_BEST_GROUP
                : valueOf("PAIR_" + scheme.name());
    }

    /** The category the member rows keep of a person ({@code best_group}). */
    static String bestGroup(EthnicityScheme.Recorded recorded) {
        return EthnicityScheme.BEST.category(recorded, EthnicityScheme.Level.GROUP);
    }

    boolean stored() {
        return STORED.contains(this);
    }

    /**
     * The ethnicity category of one of this kind's codes at a level: the code itself where the kind keeps categories
     * already ({@link #PAIR_BEST_GROUP}), else the figure's own sorting of the code.
     */
    String category(String code, EthnicityScheme.Level level) {
        return this == PAIR_BEST_GROUP ? code : EthnicityScheme.categoryOfCode(code, level);
    }

    boolean isPair() {
        return name().startsWith("PAIR_");
    }

    /** The first code, never NULL. */
    String codeSql() {
        return "coalesce(" + switch (this) {
            case ETHNICITY, PAIR_SELF -> "s.self_ethnicity";
            case PAIR_OFFICER -> "s.officer_ethnicity";
            case PAIR_BEST -> "s.best_ethnicity";
            case PAIR_BEST_GROUP -> "s.best_group";
            case RECORDING -> "s.recording";
            case NATIONALITY -> "s.nationality";
        } + ", '')";
    }

    /** The second code, never NULL: the officer-defined code, a pair's victim code, or ''. */
    String secondSql() {
        String victim = switch (this) {
            case ETHNICITY -> "coalesce(s.officer_ethnicity, '')";
            case PAIR_SELF -> "coalesce(v.self_ethnicity, '')";
            case PAIR_OFFICER -> "coalesce(v.officer_ethnicity, '')";
            case PAIR_BEST -> "coalesce(v.best_ethnicity, '')";
            case PAIR_BEST_GROUP -> "coalesce(v.best_group, '')";
            case RECORDING, NATIONALITY -> "''";
        };
        return isPair() ? "CASE WHEN v.victim_ref IS NULL THEN '" + NO_VICTIM + "' ELSE " + victim + " END" : victim;
    }
}
