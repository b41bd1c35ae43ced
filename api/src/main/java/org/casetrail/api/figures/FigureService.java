package org.casetrail.api.figures;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.casetrail.api.config.Limits;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.core.InvalidParameterException;
import org.casetrail.core.definition.Definition;
import org.casetrail.projections.catalog.DefinitionRef;
import org.casetrail.projections.catalog.FigureAnswer;
import org.casetrail.projections.catalog.FigureCell;
import org.casetrail.projections.catalog.FigureDeclaration;
import org.casetrail.projections.catalog.FigureParameter;
import org.casetrail.projections.catalog.FigureQuery;
import org.casetrail.projections.catalog.FigureTable;
import org.casetrail.projections.effective.EffectiveView;
import org.casetrail.projections.effective.LedgerCaseSource;
import org.casetrail.projections.figures.CaseFigure;
import org.casetrail.projections.figures.CellTracer;
import org.casetrail.projections.figures.Dimension;
import org.casetrail.projections.figures.FigureEngine;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.jdbc.BoundedReads;
import org.casetrail.projections.models.DefinitionModels;
import org.springframework.stereotype.Service;

/**
 * Asks any declared figure: reads the common parameters, gives the declaration its {@link FigureQuery} (the
 * effective view, bounded in how many read it at once, or the definition's current model), and records the query so
 * that its figure ids can be traced.
 */
@Service
public class FigureService {

    /** The most times a figure reads a model that something writes while it is read; then the ledger answers. */
    private static final int MAX_MODEL_READS = 3;

    /**
     * A computed figure: its JSON answer, its layout once its definition is known, and its cells by figure id. The
     * cells (for publications and traces) are worked out each time they are asked, not with the answer: an API answer
     * never needs them, and for a large answer they were a fifth of its Java time.
     */
    public record Answer(FigureAnswer json, Function<Definition, FigureTable> table,
                         Supplier<Map<String, FigureCell>> cellsOf) {

        public Map<String, FigureCell> cells() {
            return cellsOf.get();
        }

        public DefinitionRef definition() {
            return json.definition();
        }
    }

    private final FigureEngine engine;
    private final DefinitionCatalog definitions;
    private final FigureIds ids;
    private final DefinitionModels models;
    private final LedgerCaseSource ledger;
    /** A figure from the ledger reads every qualifying case: only so many are computed at once, the rest wait. */
    private final BoundedReads ledgerReads;

    public FigureService(FigureEngine engine, DefinitionCatalog definitions, FigureIds ids, DefinitionModels models,
                         LedgerCaseSource ledger, Limits limits) {
        this.ledgerReads = new BoundedReads(limits.concurrentFigures(), BoundedReads.WAIT_FOR_A_TURN);
        this.engine = engine;
        this.definitions = definitions;
        this.ids = ids;
        this.models = models;
        this.ledger = ledger;
    }

    public Answer answer(FigureDeclaration<?> figure, Map<String, String[]> parameters) {
        return answer(figure, parameters, CellTracer.NONE);
    }

    /** The figure, with the members of the cells the tracer wants collected. */
    public Answer answer(FigureDeclaration<?> figure, Map<String, String[]> parameters, CellTracer tracer) {
        return typed(figure, parameters, tracer);
    }

    private <A extends FigureAnswer> Answer typed(FigureDeclaration<A> figure, Map<String, String[]> parameters,
                                                  CellTracer tracer) {
        Set<String> own = figure.parameters().stream().map(FigureParameter::name).collect(Collectors.toSet());
        A answer = figure.answer(new Asked(figure.name(), new FigureRequest(parameters, own), tracer));
        return new Answer(answer, definition -> FigureNotes.withNotes(figure.table(answer), definition,
                answer.asOf(), answer.position()), () -> figure.cells(answer));
    }

    /** One asking of a figure: the common parameters read, the canonical form built as the figure reads its own. */
    private final class Asked implements FigureQuery {

        private final String figure;
        private final FigureRequest request;
        private final CellTracer tracer;
        private final Definition definition;
        private final FigureScope scope;
        private final LocalDate asOf;
        private final Long position;
        private final Map<String, String> canonical = new LinkedHashMap<>();

        Asked(String figure, FigureRequest request, CellTracer tracer) {
            this.figure = figure;
            this.request = request;
            this.tracer = tracer;
            this.definition = request.definition(definitions);
            this.scope = request.scope(definition);
            this.asOf = request.date("asOf");
            canonical.put("definition", definition.reference());
            canonical("from", scope.from());
            canonical("to", scope.to());
            canonical("asOf", asOf);
            if (!scope.forces().isEmpty()) {
                canonical.put("force", String.join(",", scope.forces().stream().sorted().toList()));
            }
            if (!scope.groupBy().isEmpty()) {
                canonical.put("groupBy", String.join(",", scope.groupBy().stream().map(Dimension::key).toList()));
            }
            this.position = request.position();
            if (position != null && position > ledger.head()) {
                throw new InvalidParameterException("position", "position " + position + " is beyond the store's "
                        + "head, " + ledger.head() + ": a figure is asked of what has been stored");
            }
        }

        @Override
        public DefinitionRef definition() {
            return DefinitionRef.of(definition);
        }

        @Override
        public FigureScope scope() {
            return scope;
        }

        @Override
        public LocalDate asOf() {
            return asOf;
        }

        @Override
        public LocalDate today() {
            return LocalDate.now();
        }

        @Override
        public CellTracer tracer() {
            return tracer;
        }

        @Override
        public boolean given(String name) {
            return request.given(name);
        }

        @Override
        public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            return request.choice(name, type, fallback);
        }

        @Override
        public boolean flag(String name) {
            return request.flag(name);
        }

        @Override
        public String text(String name) {
            return request.text(name);
        }

        @Override
        public LocalDate date(String name) {
            return request.date(name);
        }

        @Override
        public void canonical(String name, Object value) {
            if (value != null) {
                canonical.put(name, value.toString());
            }
        }

        @Override
        public <R> FigureEngine.Computed<R> fromLedger(CaseFigure<R> caseFigure, LocalDate knownBy) {
            return compute(knownBy, position, caseFigure);
        }

        @Override
        public <R> Answered<R> fromModelOrLedger(LocalDate knownBy, Function<DefinitionModels, Optional<R>> model,
                                                 CaseFigure<R> caseFigure) {
            Optional<Answered<R>> fromModel = tracer != CellTracer.NONE ? Optional.empty()
                    : readWhileModelStays(() -> currentModel(knownBy), covered -> model.apply(models)
                            .map(result -> new Answered<>(new FigureEngine.Computed<>(result, knownBy,
                                    covered.model().position()), FigureAnswer.MODEL)));
            return fromModel.orElseGet(() -> new Answered<>(fromLedger(caseFigure, knownBy), FigureAnswer.LEDGER));
        }

        @Override
        public <R> Optional<Answered<R>> fromModelAtCut(LocalDate knownBy,
                                                        Function<ModelAtCut, Optional<R>> compute) {
            if (tracer != CellTracer.NONE) {
                return Optional.empty();
            }
            return readWhileModelStays(() -> modelForEarlierCut(knownBy), covered -> {
                long at = position == null ? covered.head() : position;
                return compute.apply(modelAtCut(new EffectiveView.Cut(knownBy, at))).map(result -> new Answered<>(
                        new FigureEngine.Computed<>(result, knownBy, at), FigureAnswer.MODEL_AND_LEDGER));
            });
        }

        @Override
        public CellIds record(long computedAt) {
            return ids.record(figure, canonical, computedAt)::cell;
        }

        private ModelAtCut modelAtCut(EffectiveView.Cut cut) {
            return new ModelAtCut() {
                @Override
                public DefinitionModels models() {
                    return models;
                }

                @Override
                public EffectiveView.Cut cut() {
                    return cut;
                }

                @Override
                public void fold(List<String> caseRefs, CaseFigure<?> figure) {
                    if (!caseRefs.isEmpty()) {
                        ledgerReads.read(() -> ledger.forEachCaseOf(caseRefs, cut, figure::accept));
                    }
                }
            };
        }

        /**
         * The definition's model, when the current state is asked (no earlier position, and no knowledge date or one
         * on or after the latest stored event's) and the model has been replayed and covers every stored event; empty
         * otherwise. Its position, not the head read before it, is the answer's: a batch may have been stored and
         * taken into the model between the two reads. A position asked for must be the model's own.
         */
        private Optional<Covered> currentModel(LocalDate knownBy) {
            long head = ledger.head();
            if (!asksCurrentState(knownBy, head)) {
                return Optional.empty();
            }
            return readyModel().filter(model -> position == null ? model.position() >= head
                    : model.position() == (long) position).map(model -> new Covered(head, model));
        }

        /** The definition's model, when an earlier cut is asked and the model covers every stored event. */
        private Optional<Covered> modelForEarlierCut(LocalDate knownBy) {
            long head = ledger.head();
            if (asksCurrentState(knownBy, head)) {
                return Optional.empty();
            }
            return readyModel().filter(model -> model.position() >= head).map(model -> new Covered(head, model));
        }

        /**
         * A read of the model during which nothing wrote the model's row, tried again when something did, at most
         * {@link #MAX_MODEL_READS} times; empty when there is no model to read, the read gives nothing, or the model
         * was written during every try.
         */
        private <T> Optional<T> readWhileModelStays(Supplier<Optional<Covered>> covering,
                                                    Function<Covered, Optional<T>> read) {
            for (int attempt = 0; attempt < MAX_MODEL_READS; attempt++) {
                Optional<Covered> before = covering.get();
                Optional<T> result = before.flatMap(read);
                if (result.isEmpty() || modelStays(before.get().model())) {
                    return result;
                }
            }
            return Optional.empty();
        }

        /** No earlier position, and no knowledge date or one on or after the latest stored event's. */
        private boolean asksCurrentState(LocalDate knownBy, long head) {
            if (position != null && position != head) {
                return false;
            }
            if (knownBy != null) {
                LocalDate latest = ledger.latestReportedOn();
                return latest == null || !latest.isAfter(knownBy);
            }
            return true;
        }

        /** The definition's model, once replayed and ready; empty otherwise. */
        private Optional<DefinitionModels.Model> readyModel() {
            return models.model(definition.id(), definition.version())
                    .filter(model -> model.state() == DefinitionModels.State.READY && model.position() != null);
        }

        /**
         * Whether nothing has written the model since it was read before its rows were. A figure reads the rows in
         * several statements, each seeing what was committed when it began: a batch of the member-models processor
         * committed between them, or a replay that began clearing the model, would mix two states under one
         * position, so the answer is read again (or from the ledger).
         */
        private boolean modelStays(DefinitionModels.Model before) {
            return readyModel().equals(Optional.of(before));
        }
    }

    /** The store's head when a model read began, and the model as it stood then. */
    private record Covered(long head, DefinitionModels.Model model) {
    }

    private <R> FigureEngine.Computed<R> compute(LocalDate asOf, Long position, CaseFigure<R> figure) {
        return ledgerReads.read(() -> engine.compute(asOf, position, figure));
    }
}
