package org.casetrail.projections.effective;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.EventType;

/**
 * SEMANTICS section 4: the effective events of a case as of knowledge date {@code asOf} and store position
 * {@code position}. Keep the events reported on or before {@code asOf} and stored at or before {@code position}; apply
 * the kept corrections and retractions in order of {@code reportedOn}, ties in order of position; what remains, with
 * corrected fields, is the effective view. A retracted row never happened, whatever corrected it; a retracted
 * correction no longer applies. A case whose CASE_OPENED is retracted, or not yet known, is in no figure.
 */
public final class EffectiveView {

    /** Where the view is taken: a knowledge date (null: no limit) and a store position (null: the head). */
    public record Cut(LocalDate asOf, Long position) {

        public static final Cut HEAD = new Cut(null, null);

        public boolean keeps(LedgerEvent event) {
            return (asOf == null || !event.reportedOn().isAfter(asOf))
                    && (position == null || event.position() <= position);
        }
    }

    private static final Comparator<LedgerEvent> AMENDMENT_ORDER = Comparator
            .comparing(LedgerEvent::reportedOn).thenComparingLong(LedgerEvent::position);

    private EffectiveView() {
    }

    /** The effective case for the stored events of one case, or empty if it counts in no figure. */
    public static Optional<EffectiveCase> of(String caseRef, List<LedgerEvent> stored, Cut cut) {
        List<LedgerEvent> recorded = new ArrayList<>();
        List<LedgerEvent> amendments = new ArrayList<>();
        for (LedgerEvent event : stored) {
            if (cut.keeps(event)) {
                (event.isAmendment() ? amendments : recorded).add(event);
            }
        }
        amendments.sort(AMENDMENT_ORDER);
        Set<SourceRow> retracted = new HashSet<>();
        Map<SourceRow, List<LedgerEvent>> corrections = new HashMap<>();
        for (LedgerEvent amendment : amendments) {
            if (amendment.type() == EventType.RETRACTION) {
                retracted.add(amendment.correctedRow());
            } else {
                corrections.computeIfAbsent(amendment.correctedRow(), row -> new ArrayList<>()).add(amendment);
            }
        }
        List<EffectiveEvent> effective = new ArrayList<>();
        EffectiveEvent opened = null;
        recorded.sort(Comparator.comparingLong(LedgerEvent::position));
        for (LedgerEvent event : recorded) {
            if (retracted.contains(event.row())) {
                continue;
            }
            RowFields fields = event.fields();
            List<LedgerEvent> applied = new ArrayList<>();
            for (LedgerEvent correction : corrections.getOrDefault(event.row(), List.of())) {
                if (!retracted.contains(correction.row())) {
                    fields = fields.correctedBy(correction.fields());
                    applied.add(correction);
                }
            }
            EffectiveEvent kept = new EffectiveEvent(event, fields, List.copyOf(applied));
            effective.add(kept);
            if (event.type() == EventType.CASE_OPENED && opened == null) {
                opened = kept;
            }
        }
        return opened == null ? Optional.empty() : Optional.of(new EffectiveCase(caseRef, opened, effective));
    }
}
