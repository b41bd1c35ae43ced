package org.casetrail.core.caseledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.core.caseledger.TestEvents.*;

import java.util.List;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.pipeline.EventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaseAggregateTest {

    private FixtureConfiguration<CaseAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAggregate.class);
    }

    @Test
    void opening_a_new_case_creates_its_stream() {
        fixture.givenNoPriorActivity()
                .when(RecordCaseEvents.of(opened("r1")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened("r1"))
                .expectResultMessagePayload(new RecordingOutcome(1, 0));
    }

    static Stream<Arguments> everyEventTypeAfterOpening() {
        RowFields correction = RowFields.builder().occurredOn(DAY.minusDays(3)).build();
        return Stream.of(
                Arguments.of(victim("r2", "V1")),
                Arguments.of(suspect(EventType.SUSPECT_IDENTIFIED, "r2", "S1")),
                Arguments.of(suspect(EventType.INTERVIEWED, "r2", "S1")),
                Arguments.of(suspect(EventType.ARRESTED, "r2", "S1")),
                Arguments.of(suspect(EventType.CHARGED, "r2", "S1")),
                Arguments.of(suspect(EventType.PROSECUTED, "r2", "S1")),
                Arguments.of(suspect(EventType.CONVICTED, "r2", "S1")),
                Arguments.of(suspect(EventType.ACQUITTED, "r2", "S1")),
                Arguments.of(suspect(EventType.DISCONTINUED, "r2", "S1")),
                Arguments.of(suspect(EventType.NFA, "r2", "S1")),
                Arguments.of(suspect(EventType.OUT_OF_COURT, "r2", "S1")),
                Arguments.of(suspect(EventType.CONVICTION_QUASHED, "r2", "S1")),
                Arguments.of(event(EventType.CASE_CLOSED, "r2", RowFields.builder().occurredOn(DAY).outcomeType(18)
                        .build())),
                Arguments.of(event(EventType.CASE_REOPENED, "r2", RowFields.builder().occurredOn(DAY)
                        .operation("BEACONPORT").build())),
                Arguments.of(amendment(EventType.CORRECTION, "r2", "r1", correction)),
                Arguments.of(amendment(EventType.RETRACTION, "r2", "r1", RowFields.EMPTY)));
    }

    @ParameterizedTest
    @MethodSource("everyEventTypeAfterOpening")
    void every_event_type_joins_an_opened_case(CaseEvent event) {
        fixture.given(opened("r1"))
                .when(RecordCaseEvents.of(event))
                .expectEvents(event)
                .expectResultMessagePayload(new RecordingOutcome(1, 0));
    }

    @Test
    void every_event_type_is_covered_by_the_fixture_tests() {
        List<EventType> covered = everyEventTypeAfterOpening()
                .map(arguments -> ((CaseEvent) arguments.get()[0]).type()).toList();
        assertThat(Stream.concat(covered.stream(), Stream.of(EventType.CASE_OPENED)))
                .containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void a_batch_is_applied_in_order_so_later_events_may_depend_on_earlier_ones() {
        CaseEvent identified = suspect(EventType.SUSPECT_IDENTIFIED, "r2", "S1");
        CaseEvent arrested = suspect(EventType.ARRESTED, "r3", "S1");
        fixture.givenNoPriorActivity()
                .when(RecordCaseEvents.of(opened("r1"), identified, arrested))
                .expectEvents(opened("r1"), identified, arrested);
    }

    @Test
    void a_row_sent_again_with_the_same_content_is_skipped_and_counted() {
        CaseEvent arrested = suspect(EventType.ARRESTED, "r2", "S1");
        fixture.given(opened("r1"), arrested)
                .when(RecordCaseEvents.of(opened("r1"), arrested))
                .expectNoEvents()
                .expectResultMessagePayload(new RecordingOutcome(0, 2));
    }

    @Test
    void an_event_before_the_case_is_opened_is_refused() {
        fixture.givenNoPriorActivity()
                .when(RecordCaseEvents.of(suspect(EventType.ARRESTED, "r2", "S1")))
                .expectException(CaseRulesViolatedException.class)
                .expectExceptionMessage(containsString("never opened"));
    }

    @Test
    void a_second_case_opened_is_refused() {
        fixture.given(opened("r1"))
                .when(RecordCaseEvents.of(opened("r9")))
                .expectException(CaseRulesViolatedException.class)
                .expectExceptionMessage(containsString("already opened by row TEST/r1"));
    }

    @Test
    void a_suspect_identified_twice_is_refused() {
        fixture.given(opened("r1"), suspect(EventType.SUSPECT_IDENTIFIED, "r2", "S1"))
                .when(RecordCaseEvents.of(suspect(EventType.SUSPECT_IDENTIFIED, "r3", "S1")))
                .expectException(CaseRulesViolatedException.class)
                .expectExceptionMessage(containsString("suspect S1"));
    }

    @Test
    void a_victim_recorded_twice_is_refused() {
        fixture.given(opened("r1"), victim("r2", "V1"))
                .when(RecordCaseEvents.of(victim("r3", "V1")))
                .expectException(CaseRulesViolatedException.class)
                .expectExceptionMessage(containsString("victim V1"));
    }

    @Test
    void a_row_id_reused_with_different_content_is_refused() {
        fixture.given(opened("r1"), suspect(EventType.ARRESTED, "r2", "S1"))
                .when(RecordCaseEvents.of(suspect(EventType.CHARGED, "r2", "S1")))
                .expectException(CaseRulesViolatedException.class)
                .expectExceptionMessage(containsString("different content"));
    }

    @Test
    void a_correction_of_a_row_the_case_does_not_have_is_refused() {
        fixture.given(opened("r1"))
                .when(RecordCaseEvents.of(amendment(EventType.CORRECTION, "r2", "nope",
                        RowFields.builder().note("x").build())))
                .expectException(CaseRulesViolatedException.class)
                .expectExceptionMessage(containsString("names no earlier row"));
    }

    @Test
    void a_retraction_of_a_row_the_case_does_not_have_is_refused() {
        fixture.given(opened("r1"))
                .when(RecordCaseEvents.of(amendment(EventType.RETRACTION, "r2", "nope", RowFields.EMPTY)))
                .expectException(CaseRulesViolatedException.class);
    }

    @Test
    void a_correction_cannot_change_the_suspect() {
        fixture.given(opened("r1"), suspect(EventType.ARRESTED, "r2", "S1"))
                .when(RecordCaseEvents.of(amendment(EventType.CORRECTION, "r3", "r2",
                        RowFields.builder().suspectRef("S2").build())))
                .expectException(CaseRulesViolatedException.class)
                .expectExceptionMessage(containsString("cannot change suspect_ref"));
    }

    @Test
    void a_correction_cannot_change_the_victim() {
        fixture.given(opened("r1"), victim("r2", "V1"))
                .when(RecordCaseEvents.of(amendment(EventType.CORRECTION, "r3", "r2",
                        RowFields.builder().victimRef("V2").build())))
                .expectException(CaseRulesViolatedException.class)
                .expectExceptionMessage(containsString("cannot change victim_ref"));
    }

    @Test
    void a_correction_may_repeat_the_suspect_it_corrects() {
        CaseEvent correction = amendment(EventType.CORRECTION, "r3", "r2",
                RowFields.builder().suspectRef("S1").occurredOn(DAY.minusDays(1)).build());
        fixture.given(opened("r1"), suspect(EventType.ARRESTED, "r2", "S1"))
                .when(RecordCaseEvents.of(correction))
                .expectEvents(correction);
    }

    @Test
    void a_correction_of_a_correction_is_refused_but_a_retraction_of_one_is_accepted() {
        CaseEvent correction = amendment(EventType.CORRECTION, "r3", "r2", RowFields.builder().note("x").build());
        fixture.given(opened("r1"), suspect(EventType.ARRESTED, "r2", "S1"), correction)
                .when(RecordCaseEvents.of(amendment(EventType.CORRECTION, "r4", "r3",
                        RowFields.builder().note("y").build())))
                .expectException(CaseRulesViolatedException.class);
        CaseEvent retraction = amendment(EventType.RETRACTION, "r4", "r3", RowFields.EMPTY);
        fixture.given(opened("r1"), suspect(EventType.ARRESTED, "r2", "S1"), correction)
                .when(RecordCaseEvents.of(retraction))
                .expectEvents(retraction);
    }

    @Test
    void a_retraction_cannot_be_retracted() {
        CaseEvent retraction = amendment(EventType.RETRACTION, "r3", "r2", RowFields.EMPTY);
        fixture.given(opened("r1"), suspect(EventType.ARRESTED, "r2", "S1"), retraction)
                .when(RecordCaseEvents.of(amendment(EventType.RETRACTION, "r4", "r3", RowFields.EMPTY)))
                .expectException(CaseRulesViolatedException.class);
    }

    @Test
    void correcting_or_retracting_an_already_retracted_row_is_accepted() {
        CaseEvent retraction = amendment(EventType.RETRACTION, "r3", "r2", RowFields.EMPTY);
        CaseEvent again = amendment(EventType.RETRACTION, "r4", "r2", RowFields.EMPTY);
        CaseEvent correction = amendment(EventType.CORRECTION, "r5", "r2", RowFields.builder().note("n").build());
        fixture.given(opened("r1"), suspect(EventType.ARRESTED, "r2", "S1"), retraction)
                .when(RecordCaseEvents.of(again, correction))
                .expectEvents(again, correction);
    }

    @Test
    void one_bad_event_refuses_the_whole_batch_and_names_every_fault() {
        fixture.given(opened("r1"))
                .when(RecordCaseEvents.of(suspect(EventType.SUSPECT_IDENTIFIED, "r2", "S1"),
                        suspect(EventType.SUSPECT_IDENTIFIED, "r3", "S1"),
                        opened("r4")))
                .expectNoEvents()
                .expectException(CaseRulesViolatedException.class)
                .expectExceptionMessage(allOf(
                        containsString("suspect S1"),
                        containsString("already opened")));
    }

    @Test
    void the_same_suspect_may_be_identified_in_another_case() {
        CaseStreamRules other = new CaseStreamRules("C2");
        other.record(StreamFact.of(opened("r1")));
        assertThat(other.judge(StreamFact.of(suspect(EventType.SUSPECT_IDENTIFIED, "r2", "S1"))).kind())
                .isEqualTo(CaseStreamRules.Verdict.Kind.ACCEPT);
    }
}
