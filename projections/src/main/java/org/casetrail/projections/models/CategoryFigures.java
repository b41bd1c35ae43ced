package org.casetrail.projections.models;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.EthnicityFigure;
import org.casetrail.projections.figures.EthnicityScheme;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.GroupKey;
import org.casetrail.projections.figures.NationalityFigure;

/**
 * SEMANTICS 6.6 from a definition's category cells: the counts of codes become categories with the figures' own
 * functions, so that the model and the effective view cannot disagree on what a code means.
 */
final class CategoryFigures {

    private final CategoryCells cells;

    CategoryFigures(CategoryCells cells) {
        this.cells = cells;
    }

    /** The whole answer: suspects, pairs and completeness. */
    EthnicityFigure.Result ethnicity(FigureScope scope, Stage stage, EthnicityScheme scheme,
                                     EthnicityScheme.Level level) {
        Map<GroupKey, Map<String, Long>> suspects = new HashMap<>();
        cells.count(scope, stage, CategoryKind.ETHNICITY, (key, self, officer, members) -> suspects
                .computeIfAbsent(key, k -> new HashMap<>())
                .merge(scheme.category(new EthnicityScheme.Recorded(self, officer), level), members, Long::sum));
        Map<GroupKey, Map<List<String>, Long>> pairs = new HashMap<>();
        CategoryKind pairKind = CategoryKind.pairs(scheme, level);
        cells.count(scope, stage, pairKind, (key, suspect, victim, members) -> pairs
                .computeIfAbsent(key, k -> new HashMap<>())
                .merge(List.of(pairKind.category(suspect, level), CategoryKind.NO_VICTIM.equals(victim)
                        ? EthnicityFigure.NO_VICTIM : pairKind.category(victim, level)), members, Long::sum));
        return EthnicityFigure.result(stage, scheme, level, suspects, pairs, completeness(scope, stage));
    }

    /** The completeness part of the answer alone (its suspects and pairs empty), which reads the fewest cells. */
    EthnicityFigure.Result completenessOnly(FigureScope scope, Stage stage) {
        return EthnicityFigure.result(stage, EthnicityScheme.BEST, EthnicityScheme.Level.GROUP, Map.of(), Map.of(),
                completeness(scope, stage));
    }

    private Map<GroupKey, long[]> completeness(FigureScope scope, Stage stage) {
        Map<GroupKey, long[]> completeness = new HashMap<>();
        cells.count(scope, stage, CategoryKind.RECORDING, (key, recording, none, members) -> completeness
                .computeIfAbsent(key, k -> new long[EthnicityScheme.Recording.values().length])
                [EthnicityScheme.Recording.valueOf(recording).ordinal()] += members);
        return completeness;
    }

    NationalityFigure.Result nationality(FigureScope scope, Stage stage, EthnicityScheme.Level level) {
        Map<GroupKey, Map<String, Long>> counts = new HashMap<>();
        cells.count(scope, stage, CategoryKind.NATIONALITY, (key, code, none, members) -> counts
                .computeIfAbsent(key, k -> new HashMap<>())
                .merge(NationalityFigure.categoryOfCode(code, level), members, Long::sum));
        return NationalityFigure.result(stage, level, counts);
    }
}
