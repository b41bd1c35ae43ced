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
        cells.count(scope, stage, CategoryKind.suspects(scheme), (key, code, victim, members) -> suspects
                .computeIfAbsent(key, k -> new HashMap<>())
                .merge(EthnicityScheme.categoryOfCode(code, level), members, Long::sum));
        Map<GroupKey, Map<List<String>, Long>> pairs = new HashMap<>();
        CategoryKind kind = CategoryKind.pairs(scheme, level);
        cells.count(scope, stage, kind, (key, code, victim, members) -> pairs
                .computeIfAbsent(key, k -> new HashMap<>())
                .merge(List.of(category(kind, code, level), CategoryKind.NO_VICTIM.equals(victim)
                        ? EthnicityFigure.NO_VICTIM : category(kind, victim.isEmpty() ? null : victim, level)),
                        members, Long::sum));
        return EthnicityFigure.result(stage, scheme, level, suspects, pairs, completeness(scope, stage));
    }

    /** The completeness part of the answer alone (its suspects and pairs empty), which reads the fewest cells. */
    EthnicityFigure.Result completenessOnly(FigureScope scope, Stage stage) {
        return EthnicityFigure.result(stage, EthnicityScheme.BEST, EthnicityScheme.Level.GROUP, Map.of(), Map.of(),
                completeness(scope, stage));
    }

    private Map<GroupKey, long[]> completeness(FigureScope scope, Stage stage) {
        Map<GroupKey, long[]> completeness = new HashMap<>();
        cells.count(scope, stage, CategoryKind.RECORDING, (key, code, victim, members) -> completeness
                .computeIfAbsent(key, k -> new long[EthnicityScheme.Recording.values().length])
                [EthnicityScheme.Recording.valueOf(code).ordinal()] += members);
        return completeness;
    }

    /** A pair's side: the cells keep groups already, the member rows codes. */
    private static String category(CategoryKind kind, String codeOrGroup, EthnicityScheme.Level level) {
        return kind.isGrouped() ? codeOrGroup : EthnicityScheme.categoryOfCode(codeOrGroup, level);
    }

    NationalityFigure.Result nationality(FigureScope scope, Stage stage, EthnicityScheme.Level level) {
        Map<GroupKey, Map<String, Long>> counts = new HashMap<>();
        cells.count(scope, stage, CategoryKind.NATIONALITY, (key, code, victim, members) -> counts
                .computeIfAbsent(key, k -> new HashMap<>())
                .merge(NationalityFigure.categoryOfCode(code, level), members, Long::sum));
        return NationalityFigure.result(stage, level, counts);
    }
}
