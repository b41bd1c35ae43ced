package org.casetrail.projections.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.projections.CaseBuilder.day;
import static org.casetrail.projections.CaseBuilder.opened;
import static org.casetrail.projections.figures.Scopes.GMP;
import static org.casetrail.projections.figures.Scopes.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.figures.SurvivalStatistics.Observation;
import org.casetrail.projections.figures.SurvivalStatistics.Outcome;
import org.casetrail.projections.figures.SurvivalStatistics.Timeline;
import org.junit.jupiter.api.Test;

class LagsTest {

    /**
     * Arrest to charge, arrests in 2024, censored on 2024-12-31. S1: charged after 10 days (completed). S2: charged
     * 5 days before the arrest (invalid). S3: convicted only (charge implied: undated). S4: NFA 40 days after (competing).
     * S5: case closed 2024-06-01 but reopened after (no exit): censored, 2024-12-31 - 2024-03-01 = 305 days.
     */
    private static EffectiveCase[] cases() {
        return new EffectiveCase[]{
                opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                        .suspect(EventType.ARRESTED, "S1", "2024-02-01")
                        .suspect(EventType.CHARGED, "S1", "2024-02-11")
                        .suspect(EventType.ARRESTED, "S2", "2024-02-10")
                        .suspect(EventType.CHARGED, "S2", "2024-02-05")
                        .suspect(EventType.ARRESTED, "S3", "2024-02-01")
                        .suspect(EventType.CONVICTED, "S3", "2024-10-01")
                        .suspect(EventType.ARRESTED, "S4", "2024-02-01")
                        .suspect(EventType.NFA, "S4", "2024-03-12").build(),
                opened("C2", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                        .suspect(EventType.ARRESTED, "S5", "2024-03-01")
                        .closed("2024-06-01")
                        .reopened("2024-07-01", "BEACONPORT").build(),
                opened("C3", "2023-01-01", GMP, CaseContext.GROUP_CSE)
                        .suspect(EventType.ARRESTED, "S6", "2023-03-01")
                        .suspect(EventType.CHARGED, "S6", "2023-03-05").build()};
    }

    @Test
    void every_member_is_exactly_one_class_and_undated_and_invalid_are_left_out_of_the_statistics() {
        LagsFigure.Result lags = run(new LagsFigure(Scopes.scope(Definition.Rules.DEFAULT, "2024-01-01",
                "2024-12-31", List.of()), LagsFigure.Start.ARRESTED, Stage.CHARGED, day("2024-12-31")), cases());

        LagsFigure.Group group = lags.groups().get(0);
        assertThat(List.of(group.population(), group.completed(), group.invalid(), group.undated(),
                group.competing(), group.censored())).containsExactly(5L, 1L, 1L, 1L, 1L, 1L);
        assertThat(List.of(group.p25(), group.p50(), group.p75(), group.p90())).containsOnly(10L);
        assertThat(group.mean()).isEqualByComparingTo("10.00");
        assertThat(group.kaplanMeierMedian()).as("one event among three at risk never brings survival to a half")
                .isNull();
        assertThat(group.cumulativeIncidence()).containsEntry(30, new BigDecimal("0.3333"))
                .containsEntry(365, new BigDecimal("0.3333"));
    }

    @Test
    void lags_can_start_from_the_first_day_of_the_offending() {
        EffectiveCase c = opened("C1", "2024-03-01", fields -> fields.forceCode(GMP)
                .offenceFrom(day("2023-12-01")))
                .suspect(EventType.ARRESTED, "S1", "2024-03-31").build();

        LagsFigure.Result lags = run(new LagsFigure(Scopes.all(), LagsFigure.Start.OFFENCE, Stage.ARRESTED,
                day("2024-12-31")), c);

        assertThat(lags.groups().get(0).p50()).isEqualTo(121L);
    }

    @Test
    void a_case_closed_and_never_reopened_is_a_competing_exit() {
        EffectiveCase c = opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.ARRESTED, "S1", "2024-02-01")
                .closed("2024-01-15")
                .closed("2024-05-01").build();

        LagsFigure.Group group = run(new LagsFigure(Scopes.all(), LagsFigure.Start.ARRESTED, Stage.CHARGED,
                day("2024-12-31")), c).groups().get(0);

        assertThat(group.competing()).as("the closure before the arrest does not count; the one after does")
                .isEqualTo(1);
        assertThat(group.cumulativeIncidence()).containsEntry(365, new BigDecimal("0.0000"));
    }

    /** Freireich's 6-MP leukaemia remission data (weeks), the textbook Kaplan-Meier example: median 23. */
    @Test
    void kaplan_meier_median_matches_the_textbook_example() {
        List<Observation> sixMp = new ArrayList<>();
        for (long week : new long[]{6, 6, 6, 7, 10, 13, 16, 22, 23}) {
            sixMp.add(new Observation(Outcome.COMPLETED, week));
        }
        for (long week : new long[]{6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
            sixMp.add(new Observation(Outcome.CENSORED, week));
        }
        assertThat(SurvivalStatistics.kaplanMeierMedian(Timeline.of(sixMp))).isEqualTo(23L);
    }

    @Test
    void survival_of_exactly_one_half_is_the_median() {
        List<Observation> observations = List.of(new Observation(Outcome.COMPLETED, 5),
                new Observation(Outcome.COMPLETED, 8), new Observation(Outcome.CENSORED, 9),
                new Observation(Outcome.CENSORED, 12));
        assertThat(SurvivalStatistics.kaplanMeierMedian(Timeline.of(observations))).isEqualTo(8L);
    }

    /**
     * Worked by hand: completed at 20, competing at 40, censored at 60, completed at 100. At 20: S(20-) = 1, 1 of 4 at
     * risk: 0.25; S = 3/4. At 40 the competing exit: S = 3/4 * 2/3 = 1/2. At 100: 1/2 * 1/1: total 0.75.
     */
    @Test
    void cumulative_incidence_treats_exits_as_a_competing_risk() {
        List<Observation> observations = List.of(new Observation(Outcome.COMPLETED, 20),
                new Observation(Outcome.COMPETING, 40), new Observation(Outcome.CENSORED, 60),
                new Observation(Outcome.COMPLETED, 100));

        Map<Integer, BigDecimal> incidence = SurvivalStatistics.cumulativeIncidence(Timeline.of(observations));

        assertThat(incidence).containsExactly(Map.entry(30, new BigDecimal("0.2500")),
                Map.entry(90, new BigDecimal("0.2500")), Map.entry(180, new BigDecimal("0.7500")),
                Map.entry(365, new BigDecimal("0.7500")));
        assertThat(SurvivalStatistics.kaplanMeierMedian(Timeline.of(observations))).isEqualTo(100L);
        assertThat(SurvivalStatistics.cumulativeIncidence(Timeline.of(List.of()))).containsEntry(30, null);
    }

    /**
     * Worked by hand: at day 10 one exit and one censoring of 8, at 20 the same of 6, at 30 one completion of 4 at risk.
     * The incidence is 6/8 * 4/6 * 1/4 = 21/160 = 0.13125 exactly, halfway, so 0.1313; binary floating point makes
     * it 0.131249999..., which would round to 0.1312.
     */
    @Test
    void an_incidence_exactly_halfway_is_rounded_up_on_its_exact_value() {
        List<Observation> observations = new ArrayList<>();
        for (long day : new long[]{10, 20}) {
            observations.add(new Observation(Outcome.COMPETING, day));
            observations.add(new Observation(Outcome.CENSORED, day));
        }
        observations.add(new Observation(Outcome.COMPLETED, 30));
        observations.add(new Observation(Outcome.COMPETING, 30));
        for (int i = 0; i < 4; i++) {
            observations.add(new Observation(Outcome.CENSORED, 30));
        }

        Timeline timeline = Timeline.of(observations);

        assertThat(SurvivalStatistics.cumulativeIncidence(timeline)).containsEntry(30, new BigDecimal("0.1313"));
        assertThat(SurvivalStatistics.curve(timeline).get(2).cumulativeIncidence()).isEqualTo(new BigDecimal("0.1313"));
    }

    /** Nearest-rank quantiles and the mean of members counted by time, as of the same members listed one by one. */
    @Test
    void quantiles_and_mean_of_a_timeline_are_those_of_its_members() {
        Timeline timeline = new Timeline();
        timeline.add(Outcome.COMPLETED, 3, 2);
        timeline.add(Outcome.COMPLETED, 10, 1);
        timeline.add(Outcome.CENSORED, 5, 7);
        timeline.add(Outcome.COMPLETED, 40, 1);

        // completed: 3, 3, 10, 40: ranks ceil(n q) = 1, 2, 3, 4
        assertThat(timeline.completedQuantile(25)).isEqualTo(3L);
        assertThat(timeline.completedQuantile(50)).isEqualTo(3L);
        assertThat(timeline.completedQuantile(75)).isEqualTo(10L);
        assertThat(timeline.completedQuantile(90)).isEqualTo(40L);
        assertThat(timeline.completedMean()).isEqualTo(new BigDecimal("14.00"));
        assertThat(new Timeline().completedQuantile(50)).isNull();
        assertThat(new Timeline().completedMean()).isNull();
    }

    /**
     * A timeline keeps its additions packed and sorts them when read: times before zero still come first, a time
     * added again merges into one point, and a count beyond what one packed entry holds (2^30) is kept whole.
     */
    @Test
    void a_timeline_sorts_negative_times_first_and_keeps_counts_beyond_a_packed_entry() {
        Timeline timeline = new Timeline();
        timeline.add(Outcome.CENSORED, 7, 3_000_000_000L);
        timeline.add(Outcome.COMPLETED, -1, 5);
        timeline.add(Outcome.COMPETING, 7, 2);
        timeline.add(Outcome.COMPLETED, 7, 1);

        List<SurvivalStatistics.CurvePoint> curve = SurvivalStatistics.curve(timeline);

        assertThat(curve).extracting(SurvivalStatistics.CurvePoint::t).containsExactly(-1L, 7L);
        assertThat(curve.get(0).atRisk()).isEqualTo(3_000_000_008L);
        assertThat(curve.get(0).completed()).isEqualTo(5);
        assertThat(curve.get(1).atRisk()).isEqualTo(3_000_000_003L);
        assertThat(List.of(curve.get(1).completed(), curve.get(1).competing(), curve.get(1).censored()))
                .containsExactly(1L, 2L, 3_000_000_000L);
        assertThat(timeline.completedQuantile(50)).isEqualTo(-1L);
        assertThat(timeline.completedQuantile(90)).isEqualTo(7L);
    }
}
