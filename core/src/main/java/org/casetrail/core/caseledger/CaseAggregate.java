package org.casetrail.core.caseledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.casetrail.core.caseledger.events.CaseEvent;

/**
 * One case: an append-only stream of what happened and when it was known. It refuses what would make the stream
 * wrong (see {@link CaseStreamRules}) and skips what it already holds, so a row sent twice is appended once.
 */
public class CaseAggregate {

    @AggregateIdentifier
    private String caseRef;
    private CaseStreamRules rules;

    protected CaseAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RecordingOutcome handle(RecordCaseEvents command) {
        CaseStreamRules trial = rules == null ? new CaseStreamRules(command.caseRef()) : rules.copy();
        List<RecordCaseEvents.Entry> toAppend = new ArrayList<>();
        List<CaseRulesViolatedException.Refusal> refusals = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < command.entries().size(); i++) {
            RecordCaseEvents.Entry entry = command.entries().get(i);
            StreamFact fact = StreamFact.of(entry.event());
            CaseStreamRules.Verdict verdict = trial.judge(fact);
            switch (verdict.kind()) {
                case ACCEPT -> {
                    trial.record(fact);
                    toAppend.add(entry);
                }
                case DUPLICATE -> duplicates++;
                case REJECT -> refusals.add(new CaseRulesViolatedException.Refusal(i, entry.line(), verdict.violation()));
            }
        }
        if (!refusals.isEmpty()) {
            throw new CaseRulesViolatedException(command.caseRef(), refusals);
        }
        toAppend.forEach(entry -> apply(entry.event(), MetaData.with(EventMetaData.LINE, entry.line())));
        return new RecordingOutcome(toAppend.size(), duplicates);
    }

    @EventSourcingHandler
    void on(CaseEvent event) {
        if (rules == null) {
            caseRef = event.caseRef();
            rules = new CaseStreamRules(caseRef);
        }
        rules.record(StreamFact.of(event));
    }
}
