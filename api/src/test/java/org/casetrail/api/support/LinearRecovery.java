package org.casetrail.api.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.casetrail.projections.disclosure.AnswerProtection;
import org.casetrail.projections.disclosure.CellSuppression;

/**
 * An attacker with a published table: every shown count is known, and so is every family's sum (a grouped measure's
 * total is the same query without groupBy; a lag group's classes sum to its population, completeness counts to the
 * total, which is known when shown). Each family is one linear equation over the hidden counts; a hidden count is
 * recovered when the equations pin it down alone, i.e. when its unit vector lies in the span of the equations' rows.
 */
public final class LinearRecovery {

    private static final double EPSILON = 1e-9;

    private LinearRecovery() {
    }

    /**
     * The hidden counts of {@code answer} (the true, unprotected answer) that the equations recover, each described
     * as "figureId.field"; {@code hidden} says which cells the attacker does not see.
     */
    public static List<String> recovered(JsonNode answer, BiPredicate<AnswerProtection.Cell, Integer> hidden) {
        AnswerProtection.Table table = AnswerProtection.analyse(answer);
        List<AnswerProtection.Cell> cells = table.cells();
        Map<Integer, Integer> unknown = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            if (hidden.test(cells.get(i), i)) {
                unknown.put(i, unknown.size());
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (CellSuppression.Family family : table.families()) {
            double[] row = new double[unknown.size()];
            boolean any = false;
            for (int member : family.members()) {
                if (unknown.containsKey(member)) {
                    row[unknown.get(member)] = 1;
                    any = true;
                }
            }
            if (family.sum() >= 0 && unknown.containsKey(family.sum())) {
                row[unknown.get(family.sum())] = -1;
                any = true;
            }
            if (any) {
                rows.add(row);
            }
        }
        int rank = rank(rows, unknown.size());
        List<String> recovered = new ArrayList<>();
        unknown.forEach((cell, column) -> {
            List<double[]> with = new ArrayList<>(rows);
            double[] unit = new double[unknown.size()];
            unit[column] = 1;
            with.add(unit);
            if (rank(with, unknown.size()) == rank) {
                AnswerProtection.Cell found = cells.get(cell);
                recovered.add(found.owner().path("figureId").asText() + "." + found.field());
            }
        });
        return recovered;
    }

    private static int rank(List<double[]> rows, int columns) {
        double[][] matrix = rows.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        for (int column = 0; column < columns && rank < matrix.length; column++) {
            int pivot = -1;
            for (int r = rank; r < matrix.length; r++) {
                if (Math.abs(matrix[r][column]) > EPSILON && (pivot < 0
                        || Math.abs(matrix[r][column]) > Math.abs(matrix[pivot][column]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] swap = matrix[rank];
            matrix[rank] = matrix[pivot];
            matrix[pivot] = swap;
            for (int r = 0; r < matrix.length; r++) {
                if (r != rank && Math.abs(matrix[r][column]) > EPSILON) {
                    double factor = matrix[r][column] / matrix[rank][column];
                    for (int c = column; c < columns; c++) {
                        matrix[r][c] -= factor * matrix[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
