package org.casetrail.projections.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A figure as Casetrail offers it, declared once: its name and path, its own parameters and what they mean, how it is
 * asked of the effective view (or of a maintained model), its JSON answer, its table for CSV and XLSX and the cells a
 * trace follows. The API, the OpenAPI document, publications, comparisons and traces all read it from here.
 *
 * @param <A> the JSON answer
 */
public interface FigureDeclaration<A extends FigureAnswer> {

    /** The figure's name in publications, figure ids and {@code compare}: {@code funnel}, {@code period-counts}... */
    String name();

    /** Its path under {@code /api/v1}: {@code /funnel}, {@code /ethnicity/completeness}... */
    default String path() {
        return "/" + name();
    }

    String summary();

    default String description() {
        return "";
    }

    /** The parameters of its own, beside the common ones ({@link FigureParameter#COMMON}). */
    List<FigureParameter> parameters();

    /** The common parameters it takes: all of them unless it says otherwise. */
    default List<FigureParameter> commonParameters() {
        return FigureParameter.COMMON;
    }

    /** Computes the answer; each parameter is read, checked and put into the query's canonical form here. */
    A answer(FigureQuery query);

    /** The answer as a table: the title, columns and rows, and the notes of its own parameters. */
    FigureTable.Builder table(A answer);

    /** Every cell of the answer by its figure id, with the number its members make up. */
    Map<String, FigureCell> cells(A answer);

    /**
     * The parameters a publication fixes when they are left out, so that it reads the same later (a censoring date or
     * a caseload date that would otherwise be today).
     */
    default Map<String, String> frozenByPublication(Map<String, String> parameters, LocalDate today) {
        return Map.of();
    }
}
