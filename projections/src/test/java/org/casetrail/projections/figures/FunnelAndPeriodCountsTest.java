package org.casetrail.projections.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.casetrail.projections.CaseBuilder.opened;
import static org.casetrail.projections.figures.Scopes.GMP;
import static org.casetrail.projections.figures.Scopes.WYP;
import static org.casetrail.projections.figures.Scopes.run;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.junit.jupiter.api.Test;

class FunnelAndPeriodCountsTest {

    /**
     * C1 (GMP, 2024): S1 arrested, charged, convicted; S2 arrested then NFA; S3 convicted with no earlier events (charge
     * and prosecution implied). C2 (WYP, 2023): S1 arrested. C3 (GMP, 2024): no suspects.
     */
    private static List<EffectiveCase> cases() {
        return List.of(
                opened("C1", "2024-01-10", GMP, CaseContext.GROUP_CSE)
                        .suspect(EventType.ARRESTED, "S1", "2024-02-01")
                        .suspect(EventType.CHARGED, "S1", "2024-03-01")
                        .suspect(EventType.CONVICTED, "S1", "2024-09-01")
                        .suspect(EventType.ARRESTED, "S2", "2024-02-02")
                        .suspect(EventType.NFA, "S2", "2024-04-01")
                        .suspect(EventType.CONVICTED, "S3", "2025-01-15").build(),
                opened("C2", "2023-05-01", WYP, CaseContext.ONLINE)
                        .suspect(EventType.ARRESTED, "S1", "2024-01-05").build(),
                opened("C3", "2024-07-01", GMP, CaseContext.UNKNOWN).build());
    }

    private static List<Object> row(FunnelFigure.StageCount count) {
        return List.of(count.stage(), count.count(), count.implied(),
                String.valueOf(count.rateFromPrevious()), String.valueOf(count.rateFromEntry()));
    }

    @Test
    void suspect_funnel_from_recording_counts_implied_stages_and_rates() {
        FunnelFigure.Result funnel = run(new FunnelFigure(Scopes.all(), Stage.RECORDED, FunnelFigure.Unit.SUSPECT),
                cases().toArray(EffectiveCase[]::new));

        assertThat(funnel.groups()).singleElement().satisfies(group -> {
            assertThat(group.key()).isEqualTo(GroupKey.NONE);
            assertThat(group.stages()).extracting(FunnelAndPeriodCountsTest::row).containsExactly(
                    List.of(Stage.RECORDED, 4L, 0L, "null", "1.0000"),
                    List.of(Stage.ARRESTED, 3L, 0L, "0.7500", "0.7500"),
                    List.of(Stage.CHARGED, 2L, 1L, "0.6667", "0.5000"),
                    List.of(Stage.PROSECUTED, 2L, 2L, "1.0000", "0.5000"),
                    List.of(Stage.CONVICTED, 2L, 0L, "1.0000", "0.5000"));
        });
    }

    /**
     * At an earlier cut a model's counts of the unchanged cases come in ready-made: the folded cases add to them, and a
     * group the model kept only as zeros (its members all changed since) is left out. Here C2's group comes from a
     * "model" (2 members, 1 arrested) and C1's suspects are folded: 3 + 2 recorded, 2 + 1 arrested.
     */
    @Test
    void counts_made_elsewhere_are_added_to_and_groups_without_members_are_left_out() {
        Map<GroupKey, long[][]> model = new HashMap<>();
        model.put(GroupKey.NONE, new long[][]{{2, 0}, {1, 0}, {0, 0}, {0, 0}, {0, 0}});
        model.put(new GroupKey(Map.of("force", WYP)), new long[][]{{0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}});

        FunnelFigure.Result funnel = run(new FunnelFigure(Scopes.all(), Stage.RECORDED, FunnelFigure.Unit.SUSPECT)
                .addingTo(model), cases().get(0));

        assertThat(funnel.groups()).singleElement().satisfies(group -> {
            assertThat(group.key()).isEqualTo(GroupKey.NONE);
            assertThat(group.stages()).extracting(FunnelAndPeriodCountsTest::row).containsExactly(
                    List.of(Stage.RECORDED, 5L, 0L, "null", "1.0000"),
                    List.of(Stage.ARRESTED, 3L, 0L, "0.6000", "0.6000"),
                    List.of(Stage.CHARGED, 2L, 1L, "0.6667", "0.4000"),
                    List.of(Stage.PROSECUTED, 2L, 2L, "1.0000", "0.4000"),
                    List.of(Stage.CONVICTED, 2L, 0L, "1.0000", "0.4000"));
        });
        assertThat(model.get(GroupKey.NONE)[0][0]).as("the model's counts are not changed").isEqualTo(2);
    }

    @Test
    void suspect_funnel_from_arrest_takes_the_arrest_date_and_groups_by_its_year_and_force() {
        FunnelFigure.Result funnel = run(new FunnelFigure(Scopes.scope(Definition.Rules.DEFAULT, "2024-01-01",
                        "2024-12-31", List.of(Dimension.FORCE, Dimension.YEAR)), Stage.ARRESTED,
                FunnelFigure.Unit.SUSPECT), cases().toArray(EffectiveCase[]::new));

        assertThat(funnel.groups()).extracting(FunnelFigure.Group::key).containsExactly(
                new GroupKey(Map.of("force", GMP, "year", 2024)), new GroupKey(Map.of("force", WYP, "year", 2024)));
        assertThat(funnel.groups().get(0).stages()).extracting(FunnelFigure.StageCount::count)
                .containsExactly(2L, 1L, 1L, 1L);
        assertThat(funnel.groups().get(0).stages().get(2).implied()).as("S1 prosecuted by implication").isEqualTo(1);
        assertThat(funnel.groups().get(1).stages()).extracting(FunnelFigure.StageCount::count)
                .containsExactly(1L, 0L, 0L, 0L);
    }

    @Test
    void case_funnel_counts_cases_with_any_suspect_at_a_stage_and_cases_without_suspects_are_recorded() {
        FunnelFigure.Result funnel = run(new FunnelFigure(Scopes.scope(Definition.Rules.DEFAULT, "2024-01-01",
                        null, List.of()), Stage.RECORDED, FunnelFigure.Unit.CASE),
                cases().toArray(EffectiveCase[]::new));

        assertThat(funnel.groups().get(0).stages()).extracting(FunnelAndPeriodCountsTest::row).containsExactly(
                List.of(Stage.RECORDED, 2L, 0L, "null", "1.0000"),
                List.of(Stage.ARRESTED, 1L, 0L, "0.5000", "0.5000"),
                List.of(Stage.CHARGED, 1L, 0L, "1.0000", "0.5000"),
                List.of(Stage.PROSECUTED, 1L, 1L, "1.0000", "0.5000"),
                List.of(Stage.CONVICTED, 1L, 0L, "1.0000", "0.5000"));
    }

    @Test
    void case_funnel_from_arrest_enters_on_the_earliest_arrest() {
        FunnelFigure.Result funnel = run(new FunnelFigure(Scopes.scope(Definition.Rules.DEFAULT, "2024-02-01",
                        "2024-02-01", List.of()), Stage.ARRESTED, FunnelFigure.Unit.CASE),
                cases().toArray(EffectiveCase[]::new));

        assertThat(funnel.groups()).singleElement().satisfies(group ->
                assertThat(group.stages().get(0).count()).as("C1 enters on S1's arrest of 2024-02-01").isEqualTo(1));
    }

    @Test
    void an_empty_cohort_has_no_group() {
        FunnelFigure.Result funnel = run(new FunnelFigure(Scopes.scope(Definition.Rules.DEFAULT, "1999-01-01",
                "1999-12-31", List.of()), Stage.RECORDED, FunnelFigure.Unit.SUSPECT), cases().toArray(EffectiveCase[]::new));
        assertThat(funnel.groups()).isEmpty();
    }

    @Test
    void rates_round_half_away_from_zero_on_the_exact_value() {
        assertThat(Rates.rate(21, 32)).isEqualByComparingTo(new BigDecimal("0.6563"));
        assertThat(Rates.rate(1, 3)).isEqualByComparingTo(new BigDecimal("0.3333"));
        assertThat(Rates.rate(2, 3)).isEqualByComparingTo(new BigDecimal("0.6667"));
        assertThat(Rates.rate(1, 0)).isNull();
        assertThat(Rates.mean(7 * 398L + 399L, 8)).as("3,185 / 8 = 398.125").isEqualByComparingTo("398.13");
        assertThat(Rates.quantile(List.of(10L, 20L, 30L, 40L), 50)).isEqualTo(20L);
        assertThat(Rates.quantile(List.of(10L, 20L, 30L, 40L), 90)).isEqualTo(40L);
        assertThat(Rates.quantile(List.of(10L, 20L, 30L, 40L), 25)).isEqualTo(10L);
        assertThat(Rates.quantile(List.of(), 50)).isNull();
    }

    @Test
    void period_counts_count_direct_events_in_the_range_and_case_level_types_count_every_suspect() {
        EffectiveCase c = opened("C1", "2024-01-10", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.ARRESTED, "S1", "2024-02-01")
                .suspect(EventType.CONVICTED, "S1", "2024-09-01")
                .suspect(EventType.CONVICTION_QUASHED, "S1", "2024-12-01")
                .suspect(EventType.NFA, "S2", "2024-03-01")
                .closed("2024-10-01")
                .suspect(EventType.ARRESTED, "S3", "2025-03-01").build();

        PeriodCountsFigure.Result counts = run(new PeriodCountsFigure(Scopes.scope(Definition.Rules.DEFAULT,
                "2024-01-01", "2024-12-31", List.of()), FunnelFigure.Unit.SUSPECT), c);

        assertThat(counts.groups()).singleElement().satisfies(group -> assertThat(group.counts())
                .extracting(PeriodCountsFigure.Count::stage, PeriodCountsFigure.Count::count).containsExactly(
                        tuple(PeriodCountsFigure.Counted.RECORDED, 3L),
                        tuple(PeriodCountsFigure.Counted.ARRESTED, 1L),
                        tuple(PeriodCountsFigure.Counted.CHARGED, 0L),
                        tuple(PeriodCountsFigure.Counted.PROSECUTED, 0L),
                        tuple(PeriodCountsFigure.Counted.CONVICTED, 0L),
                        tuple(PeriodCountsFigure.Counted.NFA, 1L),
                        tuple(PeriodCountsFigure.Counted.OUT_OF_COURT, 0L),
                        tuple(PeriodCountsFigure.Counted.DISCONTINUED, 0L),
                        tuple(PeriodCountsFigure.Counted.ACQUITTED, 0L),
                        tuple(PeriodCountsFigure.Counted.CONVICTION_QUASHED, 1L),
                        tuple(PeriodCountsFigure.Counted.CASE_CLOSED, 3L),
                        tuple(PeriodCountsFigure.Counted.CASE_REOPENED, 0L)));
    }

    @Test
    void period_counts_by_year_count_one_suspect_once_in_each_year() {
        EffectiveCase c = opened("C1", "2023-06-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.ARRESTED, "S1", "2023-07-01")
                .suspect(EventType.ARRESTED, "S1", "2023-08-01")
                .suspect(EventType.ARRESTED, "S1", "2024-02-01").build();

        PeriodCountsFigure.Result counts = run(new PeriodCountsFigure(Scopes.scope(Definition.Rules.DEFAULT, null,
                null, List.of(Dimension.YEAR)), FunnelFigure.Unit.CASE), c);

        assertThat(counts.groups()).extracting(group -> group.key().values().get("year"),
                group -> group.counts().get(1).count()).containsExactly(tuple(2023, 1L), tuple(2024, 1L));
    }

    /**
     * What a case adds to the period counts of every year at once: S1 arrested twice in 2023 and once in 2024 is one
     * member in each of those years; S2, charged in 2024 only, and the victim V1 recorded in 2023, in one; the case
     * itself counts once per year it has anything of a type in.
     */
    @Test
    void a_cases_members_are_listed_with_every_year_they_count_in() {
        EffectiveCase c = opened("C1", "2023-06-01", GMP, CaseContext.GROUP_CSE)
                .victim("V1", "2023-06-02", 12, null)
                .suspect(EventType.ARRESTED, "S1", "2023-07-01")
                .suspect(EventType.ARRESTED, "S1", "2023-08-01")
                .suspect(EventType.ARRESTED, "S1", "2024-02-01")
                .suspect(EventType.CHARGED, "S2", "2024-03-01").build();

        Map<FunnelFigure.Unit, Map<PeriodCountsFigure.Counted, Map<String, Set<Integer>>>> years =
                PeriodCountsFigure.yearsOfCase(c, new StageReading(Definition.Rules.DEFAULT));

        assertThat(years.get(FunnelFigure.Unit.SUSPECT).get(PeriodCountsFigure.Counted.ARRESTED))
                .isEqualTo(Map.of("S1", Set.of(2023, 2024)));
        assertThat(years.get(FunnelFigure.Unit.SUSPECT).get(PeriodCountsFigure.Counted.CHARGED))
                .isEqualTo(Map.of("S2", Set.of(2024)));
        assertThat(years.get(FunnelFigure.Unit.SUSPECT).get(PeriodCountsFigure.Counted.RECORDED))
                .isEqualTo(Map.of("S1", Set.of(2023), "S2", Set.of(2023)));
        assertThat(years.get(FunnelFigure.Unit.CASE).get(PeriodCountsFigure.Counted.ARRESTED))
                .isEqualTo(Map.of("C1", Set.of(2023, 2024)));
        assertThat(years.get(FunnelFigure.Unit.VICTIM).get(PeriodCountsFigure.Counted.CHARGED))
                .isEqualTo(Map.of("V1", Set.of(2024)));
        assertThat(years.get(FunnelFigure.Unit.VICTIM).get(PeriodCountsFigure.Counted.VICTIM_RECORDED))
                .isEqualTo(Map.of("V1", Set.of(2023)));
        assertThat(years.get(FunnelFigure.Unit.SUSPECT)).doesNotContainKey(PeriodCountsFigure.Counted.VICTIM_RECORDED);
    }
}
