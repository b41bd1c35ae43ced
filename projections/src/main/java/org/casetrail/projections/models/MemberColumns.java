package org.casetrail.projections.models;

import java.sql.Date;
import java.util.List;

import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.FigureScope;

/**
 * The member rows a live read of a model works from: every suspect of every qualifying case ({@code c} the case,
 * {@code s} the suspect), and the column of each stage's date.
 */
final class MemberColumns {

    /** The suspects of every definition with their cases; {@link #OF_DEFINITION} keeps one definition's. */
    static final String SUSPECTS = """
            definition_case c JOIN definition_suspect s ON s.definition_id = c.definition_id
                AND s.version = c.version AND s.case_ref = c.case_ref""";

    /** Joined to {@link #SUSPECTS}: each victim of the suspect's case, or NULLs ({@code v}) when it has none. */
    static final String WITH_VICTIMS = " LEFT JOIN definition_victim v ON v.definition_id = c.definition_id"
            + " AND v.version = c.version AND v.case_ref = c.case_ref";

    /** Binds the definition's id and version. */
    static final String OF_DEFINITION = "c.definition_id = ? AND c.version = ?";

    /**
     * Where a read of the suspects' rows starts: the rows ({@code s}, with their cases {@code c} or not), the filter to
     * one definition (binds its id and version), and the alias whose columns give the place.
     */
    record Source(String from, String ofDefinition, String place) {
    }

    /** The suspects with their cases: for a read that needs a date of the case. */
    static final Source WITH_CASES = new Source(SUSPECTS, OF_DEFINITION, "c");

    /** The suspects alone, each row keeping its case's place: for a read of stages {@link #onSuspectRow}. */
    static final Source SUSPECTS_ALONE = new Source("definition_suspect s", "s.definition_id = ? AND s.version = ?",
            "s");

    private MemberColumns() {
    }

    /** The column of the date a suspect reached a stage directly (RECORDED: its case's opening), or null. */
    static String stageDate(Stage stage) {
        return switch (stage) {
            case RECORDED -> "c.opened_on";
            case ARRESTED -> "s.arrested_on";
            case CHARGED -> "s.charged_on";
            case PROSECUTED -> "s.prosecuted_on";
            case CONVICTED -> "s.convicted_on";
        };
    }

    /** Whether a stage's date is on the suspect's own row (all but RECORDED, its case's opening). */
    static boolean onSuspectRow(Stage stage) {
        return stage != Stage.RECORDED;
    }

    /** {@code WHERE column} is a date within the scope's range (inclusive, either end open); binds the bounds. */
    static String inRange(String column, FigureScope scope, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" WHERE " + column + " IS NOT NULL");
        if (scope.from() != null) {
            where.append(" AND ").append(column).append(" >= ?");
            arguments.add(Date.valueOf(scope.from()));
        }
        if (scope.to() != null) {
            where.append(" AND ").append(column).append(" <= ?");
            arguments.add(Date.valueOf(scope.to()));
        }
        return where.toString();
    }

    /** Whether a suspect reached a stage only by implication (CHARGED and PROSECUTED can be). */
    static String impliedOnly(Stage stage) {
        return switch (stage) {
            case CHARGED -> "s.charged_implied";
            case PROSECUTED -> "s.prosecuted_implied";
            default -> "false";
        };
    }
}
