package org.casetrail.projections.models;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.definition.Definition;
import org.casetrail.projections.effective.EffectiveView;
import org.casetrail.projections.effective.LedgerCaseSource;
import org.casetrail.projections.effective.LedgerEvent;

/**
 * Keeps every ready definition model up to date (a pooled streaming processor with one segment, so batches arrive in
 * store order): the cases a batch of events touched are read again from the ledger and their rows replaced, once per
 * batch. Idempotent: handling a batch twice writes the same rows.
 */
@ProcessingGroup(MemberModelProjection.PROCESSING_GROUP)
public class MemberModelProjection {

    public static final String PROCESSING_GROUP = "member-models";
    private static final String TOUCHED = MemberModelProjection.class.getName() + ".touched";

    private final DefinitionModels models;
    private final LedgerCaseSource ledger;
    private final BiFunction<String, Integer, Optional<Definition>> definitions;

    public MemberModelProjection(DefinitionModels models, LedgerCaseSource ledger,
                                 BiFunction<String, Integer, Optional<Definition>> definitions) {
        this.models = models;
        this.ledger = ledger;
        this.definitions = definitions;
    }

    private static final class Touched {
        final Set<String> cases = new LinkedHashSet<>();
        long position;
    }

    /**
     * Takes only the case's reference (the event's aggregate identifier), never the payload: the event is never
     * deserialized here, since the rows are read again from the ledger.
     */
    @EventHandler(payloadType = CaseEvent.class)
    void on(@SourceId String caseRef, TrackingToken token) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Touched touched = unitOfWork.getOrComputeResource(TOUCHED, key -> {
            Touched created = new Touched();
            unitOfWork.onPrepareCommit(committing -> refresh(created));
            return created;
        });
        touched.cases.add(caseRef);
        token.position().ifPresent(position -> touched.position = Math.max(touched.position, position));
    }

    private void refresh(Touched touched) {
        List<DefinitionModels.Model> ready = models.lockReady();
        if (ready.isEmpty()) {
            return;
        }
        Map<String, List<LedgerEvent>> cases = ledger.caseEvents(touched.cases);
        for (DefinitionModels.Model model : ready) {
            definitions.apply(model.definitionId(), model.version()).ifPresent(definition -> {
                models.replace(definition, rows(definition, cases));
                models.advance(model, touched.position);
            });
        }
    }

    /** The model rows of these cases as they stand now. */
    public static List<MemberRows> rows(Definition definition, Map<String, List<LedgerEvent>> cases) {
        List<MemberRows> rows = new ArrayList<>();
        cases.forEach((caseRef, events) -> rows.add(EffectiveView.of(caseRef, events, EffectiveView.Cut.HEAD)
                .map(c -> MemberRows.of(definition, c)).orElse(MemberRows.none(definition, caseRef))));
        return rows;
    }
}
