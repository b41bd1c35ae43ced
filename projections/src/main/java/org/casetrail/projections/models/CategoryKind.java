package org.casetrail.projections.models;

import java.util.List;
import java.util.stream.Collectors;

import org.casetrail.core.reference.EthnicityCode;
import org.casetrail.core.reference.ReferenceData;
import org.casetrail.projections.figures.EthnicityScheme;

/**
 * What a category count counts of each suspect ({@code s}) or (suspect, victim {@code v}) pair: a code (SQL
 * expressions over the member rows, '' when not recorded) and, for pairs, the victim's. The kinds the category cells
 * keep are {@link #stored()}; pairs at the code level are counted from the member rows when asked.
 */
enum CategoryKind {
    SELF, OFFICER, BEST, RECORDING, NATIONALITY,
    PAIR_SELF, PAIR_OFFICER, PAIR_BEST,
    PAIR_SELF_CODE, PAIR_OFFICER_CODE, PAIR_BEST_CODE;

    /** The victim of a pair whose case has no victim. */
    static final String NO_VICTIM = "-";

    static final List<CategoryKind> SUSPECT_KINDS = List.of(SELF, OFFICER, BEST, RECORDING, NATIONALITY);
    static final List<CategoryKind> STORED_PAIR_KINDS = List.of(PAIR_SELF, PAIR_OFFICER, PAIR_BEST);

    static CategoryKind suspects(EthnicityScheme scheme) {
        return valueOf(scheme.name());
    }

    static CategoryKind pairs(EthnicityScheme scheme, EthnicityScheme.Level level) {
        return valueOf("PAIR_" + scheme.name() + (level == EthnicityScheme.Level.CODE ? "_CODE" : ""));
    }

    boolean stored() {
        return !name().endsWith("_CODE");
    }

    boolean isPair() {
        return name().startsWith("PAIR_");
    }

    /** Pairs kept as the two ethnicity groups rather than codes. */
    boolean isGrouped() {
        return isPair() && stored();
    }

    /** The member-row column of the code this kind counts (for pairs, of either person, {@code s} or {@code v}). */
    private String column(String person) {
        return switch (this) {
            case SELF, PAIR_SELF, PAIR_SELF_CODE -> person + ".self_ethnicity";
            case OFFICER, PAIR_OFFICER, PAIR_OFFICER_CODE -> person + ".officer_ethnicity";
            case BEST, PAIR_BEST, PAIR_BEST_CODE -> person + ".best_ethnicity";
            case RECORDING -> person + ".recording";
            case NATIONALITY -> person + ".nationality";
        };
    }

    /** The suspect's code (or group), never NULL. */
    String codeSql() {
        return isGrouped() ? groupOf(column("s")) : "coalesce(" + column("s") + ", '')";
    }

    /** The victim's code (or group), {@link #NO_VICTIM} without one; '' for the suspect kinds. */
    String victimSql() {
        if (!isPair()) {
            return "''";
        }
        String victim = isGrouped() ? groupOf(column("v")) : "coalesce(" + column("v") + ", '')";
        return "CASE WHEN v.victim_ref IS NULL THEN '" + NO_VICTIM + "' ELSE " + victim + " END";
    }

    /**
     * The ethnicity group of a code column, as {@link EthnicityScheme#categoryOfCode} gives it (so that a cell and the
     * effective view cannot disagree on a group), "Not recorded" when NULL.
     */
    private static String groupOf(String column) {
        String cases = ReferenceData.standard().ethnicityCodes().stream().map(EthnicityCode::code).distinct()
                .map(code -> " WHEN " + literal(code) + " THEN "
                        + literal(EthnicityScheme.categoryOfCode(code, EthnicityScheme.Level.GROUP)))
                .collect(Collectors.joining());
        return "CASE " + column + cases + " ELSE " + literal(EthnicityScheme.NOT_RECORDED) + " END";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
