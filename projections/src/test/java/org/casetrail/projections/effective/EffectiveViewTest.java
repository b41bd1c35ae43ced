package org.casetrail.projections.effective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.projections.CaseBuilder.day;
import static org.casetrail.projections.CaseBuilder.opened;

import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.projections.CaseBuilder;
import org.junit.jupiter.api.Test;

class EffectiveViewTest {

    private static final String GMP = "E23000005";

    private static CaseBuilder arrestedOnce() {
        return opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.ARRESTED, "S1", "2024-02-01");
    }

    @Test
    void a_correction_applies_from_its_knowledge_date_on() {
        CaseBuilder c = arrestedOnce().correct(2, "2024-03-01", fields -> fields.occurredOn(day("2024-01-20")));

        assertThat(c.view(new EffectiveView.Cut(day("2024-02-28"), null)).suspectEvents("S1").get(0).occurredOn())
                .isEqualTo(day("2024-02-01"));
        assertThat(c.view(new EffectiveView.Cut(day("2024-03-01"), null)).suspectEvents("S1").get(0).occurredOn())
                .isEqualTo(day("2024-01-20"));
        assertThat(c.build().events()).extracting(EffectiveEvent::type)
                .as("corrections themselves are not events of the view")
                .containsExactly(EventType.CASE_OPENED, EventType.ARRESTED);
    }

    @Test
    void corrections_apply_in_order_of_knowledge_date_then_position_and_empty_fields_keep_their_value() {
        CaseBuilder c = arrestedOnce()
                .correct(2, "2024-05-01", fields -> fields.occurredOn(day("2024-01-25")))
                .correct(2, "2024-04-01", fields -> fields.occurredOn(day("2024-01-15")).note("second"))
                .correct(2, "2024-05-01", fields -> fields.note("third"));

        EffectiveEvent arrest = c.build().suspectEvents("S1").get(0);
        assertThat(arrest.occurredOn()).as("reported 05-01 beats 04-01 though stored earlier")
                .isEqualTo(day("2024-01-25"));
        assertThat(arrest.fields().note()).as("the same day, the later position wins").isEqualTo("third");
        assertThat(arrest.fields().suspectRef()).isEqualTo("S1");
        assertThat(arrest.corrections()).hasSize(3);
    }

    @Test
    void a_retracted_row_never_happened_from_the_retraction_on() {
        CaseBuilder c = arrestedOnce().retract(2, "2024-03-01");

        assertThat(c.view(new EffectiveView.Cut(day("2024-02-15"), null)).suspectEvents("S1")).hasSize(1);
        assertThat(c.build().suspectEvents("S1")).isEmpty();
        assertThat(c.build().suspectRefs()).as("a suspect named only by a retracted row is gone").isEmpty();
    }

    @Test
    void correcting_a_retracted_row_has_no_effect_and_retracting_a_correction_undoes_it() {
        CaseBuilder retractedThenCorrected = arrestedOnce().retract(2, "2024-03-01")
                .correct(2, "2024-04-01", fields -> fields.occurredOn(day("2024-01-02")));
        assertThat(retractedThenCorrected.build().suspectEvents("S1")).isEmpty();

        CaseBuilder correctionRetracted = arrestedOnce()
                .correct(2, "2024-03-01", fields -> fields.occurredOn(day("2024-01-02")))
                .retract(3, "2024-04-01");
        assertThat(correctionRetracted.build().suspectEvents("S1").get(0).occurredOn()).isEqualTo(day("2024-02-01"));
        assertThat(correctionRetracted.view(new EffectiveView.Cut(day("2024-03-15"), null)).suspectEvents("S1")
                .get(0).occurredOn()).isEqualTo(day("2024-01-02"));
    }

    @Test
    void a_case_whose_opening_is_retracted_or_not_yet_known_counts_in_no_figure() {
        CaseBuilder c = arrestedOnce().retract(1, "2024-03-01");
        assertThat(EffectiveView.of("C1", c.events(), EffectiveView.Cut.HEAD)).isEmpty();
        assertThat(EffectiveView.of("C1", c.events(), new EffectiveView.Cut(day("2024-02-01"), null))).isPresent();

        CaseBuilder late = opened("C2", "2024-01-01", GMP, CaseContext.ONLINE);
        assertThat(EffectiveView.of("C2", late.events(), new EffectiveView.Cut(day("2023-12-31"), null))).isEmpty();
    }

    @Test
    void a_position_keeps_only_the_events_stored_up_to_it() {
        CaseBuilder c = arrestedOnce().suspect(EventType.CHARGED, "S1", "2024-03-01");
        long arrestPosition = c.events().get(1).position();

        EffectiveCase atArrest = c.view(new EffectiveView.Cut(null, arrestPosition));

        assertThat(atArrest.suspectEvents("S1")).extracting(EffectiveEvent::type).containsExactly(EventType.ARRESTED);
    }
}
