package org.casetrail.projections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveView;
import org.casetrail.projections.effective.LedgerEvent;

/**
 * A case as the ledger would hold it, written by hand for a test: each event gets the next position, and is reported
 * on the day it occurred unless said otherwise.
 */
public final class CaseBuilder {

    private static long nextPosition = 1;

    private final String caseRef;
    private final List<LedgerEvent> events = new ArrayList<>();
    private int rows;

    private CaseBuilder(String caseRef) {
        this.caseRef = caseRef;
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static CaseBuilder opened(String caseRef, String on, String force, CaseContext context) {
        return opened(caseRef, on, fields -> fields.forceCode(force).context(context));
    }

    public static CaseBuilder opened(String caseRef, String on, UnaryOperator<RowFields.Builder> details) {
        CaseBuilder builder = new CaseBuilder(caseRef);
        builder.add(EventType.CASE_OPENED, on, on, details);
        return builder;
    }

    public CaseBuilder suspect(EventType type, String suspect, String on) {
        return suspect(type, suspect, on, on);
    }

    public CaseBuilder suspect(EventType type, String suspect, String on, String reported) {
        return add(type, on, reported, fields -> fields.suspectRef(suspect));
    }

    public CaseBuilder identified(String suspect, String on, String ethnicity, String officerEthnicity) {
        return add(EventType.SUSPECT_IDENTIFIED, on, on,
                fields -> fields.suspectRef(suspect).ethnicity(ethnicity).officerEthnicity(officerEthnicity));
    }

    public CaseBuilder victim(String victim, String on, Integer age, String ethnicity) {
        return add(EventType.VICTIM_RECORDED, on, on, fields -> fields.victimRef(victim).age(age).ethnicity(ethnicity));
    }

    public CaseBuilder closed(String on) {
        return add(EventType.CASE_CLOSED, on, on, fields -> fields.outcomeType(16));
    }

    public CaseBuilder reopened(String on, String operation) {
        return add(EventType.CASE_REOPENED, on, on, fields -> fields.operation(operation));
    }

    /** A correction of the row added as number {@code row} (1 is the CASE_OPENED), reported on {@code reported}. */
    public CaseBuilder correct(int row, String reported, UnaryOperator<RowFields.Builder> replacement) {
        return amend(EventType.CORRECTION, row, reported, replacement);
    }

    public CaseBuilder retract(int row, String reported) {
        return amend(EventType.RETRACTION, row, reported, UnaryOperator.identity());
    }

    public CaseBuilder add(EventType type, String on, String reported, UnaryOperator<RowFields.Builder> details) {
        RowFields fields = details.apply(RowFields.builder().occurredOn(on == null ? null : day(on))).build();
        events.add(new LedgerEvent(nextPosition++, caseRef + "-e" + (rows + 1), new SourceRow("TEST", "r" + (++rows)),
                caseRef, type, day(reported), null, fields));
        return this;
    }

    private CaseBuilder amend(EventType type, int row, String reported, UnaryOperator<RowFields.Builder> replacement) {
        events.add(new LedgerEvent(nextPosition++, caseRef + "-e" + (rows + 1), new SourceRow("TEST", "r" + (++rows)),
                caseRef, type, day(reported), "r" + row, replacement.apply(RowFields.builder()).build()));
        return this;
    }

    public List<LedgerEvent> events() {
        return List.copyOf(events);
    }

    /** The effective case with no limit on knowledge date or position. */
    public EffectiveCase build() {
        return view(EffectiveView.Cut.HEAD);
    }

    public EffectiveCase view(EffectiveView.Cut cut) {
        return EffectiveView.of(caseRef, events, cut).orElseThrow(() -> new AssertionError("case counts nowhere"));
    }
}
