package org.casetrail.projections.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.casetrail.projections.effective.EffectiveView;
import org.casetrail.projections.figures.CaseFigure;
import org.casetrail.projections.figures.CellTracer;
import org.casetrail.projections.figures.FigureEngine;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.models.DefinitionModels;

/**
 * One asking of a figure, as its declaration sees it: the common parameters already read (definition, window, forces,
 * grouping, knowledge date, position), its own parameters to read, and the means to compute it and name its cells.
 */
public interface FigureQuery {

    DefinitionRef definition();

    FigureScope scope();

    /** The knowledge date asked, or null. */
    LocalDate asOf();

    LocalDate today();

    /** Which cells' members to collect while computing (a trace), or {@link CellTracer#NONE}. */
    CellTracer tracer();

    /** Whether a parameter was given at all. */
    boolean given(String name);

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback);

    boolean flag(String name);

    String text(String name);

    LocalDate date(String name);

    /** Puts a parameter into the query's canonical form, from which its figure ids are made. */
    void canonical(String name, Object value);

    /** Computes the figure over the effective view at the query's cut. */
    <R> FigureEngine.Computed<R> fromLedger(CaseFigure<R> figure, LocalDate asOf);

    /**
     * Reads the figure from the definition's maintained model when what is asked is the current state (no earlier
     * position, and no knowledge date, or one on or after every stored event's), the model is ready, nothing is being
     * traced and the model can answer (it returns empty when it cannot); from the ledger, known by {@code knownBy},
     * otherwise.
     */
    <R> Answered<R> fromModelOrLedger(LocalDate knownBy, Function<DefinitionModels, Optional<R>> model,
                                      CaseFigure<R> ledger);

    /**
     * For an earlier cut (a knowledge date before the latest stored, or an earlier position) when the definition's
     * model is ready and nothing is being traced: computes the figure from the model for the cases not changed since
     * the cut and from the ledger for the rest ({@link FigureAnswer#MODEL_AND_LEDGER}); empty otherwise (also when
     * {@code compute} finds the model cannot serve the cut after all), and when the current state is asked.
     */
    <R> Optional<Answered<R>> fromModelAtCut(LocalDate knownBy, Function<ModelAtCut, Optional<R>> compute);

    /** A ready model, an earlier cut, and the ledger to fold the cases changed since at that cut. */
    interface ModelAtCut {
        DefinitionModels models();

        EffectiveView.Cut cut();

        /** Folds these cases, as they stood at the cut, into the figure. */
        void fold(List<String> caseRefs, CaseFigure<?> figure);
    }

    /** The figure ids of this query's cells, once the position it was computed at is known. */
    CellIds record(long position);

    /** What was computed, and where from ({@link FigureAnswer#MODEL}, {@link FigureAnswer#LEDGER} or both). */
    record Answered<R>(FigureEngine.Computed<R> computed, String from) {
    }

    /** Names the cells of one recorded query. */
    interface CellIds {
        String cell(List<Object> cell);
    }
}
