package org.casetrail.projections.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.projections.CaseBuilder.day;
import static org.casetrail.projections.CaseBuilder.opened;
import static org.casetrail.projections.figures.Scopes.GMP;
import static org.casetrail.projections.figures.Scopes.rules;

import java.util.Map;
import java.util.Set;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.junit.jupiter.api.Test;

class StageReadingTest {

    private static final StageReading DEFAULT = new StageReading(Definition.Rules.DEFAULT);

    @Test
    void a_conviction_implies_charge_and_prosecution_without_dates_and_nothing_implies_arrest() {
        EffectiveCase c = opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.CONVICTED, "S1", "2024-06-01").build();

        Map<Stage, StageReach> stages = DEFAULT.stages(c, "S1");

        assertThat(stages.get(Stage.RECORDED).date()).isEqualTo(day("2024-01-01"));
        assertThat(stages.get(Stage.ARRESTED).reached()).isFalse();
        assertThat(stages.get(Stage.CHARGED).impliedOnly()).isTrue();
        assertThat(stages.get(Stage.CHARGED).date()).isNull();
        assertThat(stages.get(Stage.PROSECUTED).impliedOnly()).isTrue();
        assertThat(stages.get(Stage.CONVICTED).reachedDirectly()).isTrue();
        assertThat(stages.get(Stage.CONVICTED).date()).isEqualTo(day("2024-06-01"));
    }

    @Test
    void a_discontinuance_implies_a_charge_but_not_a_prosecution() {
        EffectiveCase c = opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.DISCONTINUED, "S1", "2024-06-01").build();

        assertThat(DEFAULT.reach(c, "S1", Stage.CHARGED).impliedOnly()).isTrue();
        assertThat(DEFAULT.reach(c, "S1", Stage.PROSECUTED).reached()).isFalse();
    }

    @Test
    void a_stage_date_is_the_earliest_direct_event() {
        EffectiveCase c = opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.ARRESTED, "S1", "2024-03-01")
                .suspect(EventType.ARRESTED, "S1", "2024-02-01").build();

        assertThat(DEFAULT.reach(c, "S1", Stage.ARRESTED).date()).isEqualTo(day("2024-02-01"));
    }

    @Test
    void a_quashed_conviction_is_not_convicted_unless_the_definition_keeps_it_but_still_implies_earlier_stages() {
        EffectiveCase c = opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.CONVICTED, "S1", "2024-06-01")
                .suspect(EventType.CONVICTION_QUASHED, "S1", "2025-01-10").build();
        StageReading keeping = new StageReading(rules(0, Set.of(), null, false, false));

        assertThat(DEFAULT.reach(c, "S1", Stage.CONVICTED).reached()).isFalse();
        assertThat(DEFAULT.reach(c, "S1", Stage.PROSECUTED).impliedOnly()).isTrue();
        assertThat(keeping.reach(c, "S1", Stage.CONVICTED).date()).isEqualTo(day("2024-06-01"));
    }

    @Test
    void a_quash_dated_before_a_later_conviction_leaves_the_later_one_standing() {
        EffectiveCase c = opened("C1", "2020-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.CONVICTED, "S1", "2021-01-01")
                .suspect(EventType.CONVICTION_QUASHED, "S1", "2022-01-01")
                .suspect(EventType.CONVICTED, "S1", "2023-01-01").build();

        assertThat(DEFAULT.reach(c, "S1", Stage.CONVICTED).date()).isEqualTo(day("2023-01-01"));
    }

    @Test
    void an_interview_counts_as_an_arrest_only_where_the_definition_says_so() {
        EffectiveCase c = opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.INTERVIEWED, "S1", "2024-02-01").build();
        StageReading interviews = new StageReading(rules(0, Set.of(), null, true, true));

        assertThat(DEFAULT.reach(c, "S1", Stage.ARRESTED).reached()).isFalse();
        assertThat(interviews.reach(c, "S1", Stage.ARRESTED).date()).isEqualTo(day("2024-02-01"));
    }

    @Test
    void qualifying_needs_enough_suspects_the_context_and_a_young_victim_of_known_age() {
        EffectiveCase twoSuspectsYoungVictim = opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.SUSPECT_IDENTIFIED, "S1", "2024-01-01")
                .suspect(EventType.ARRESTED, "S2", "2024-01-02")
                .victim("V1", "2024-01-01", 15, null).build();
        EffectiveCase unknownAge = opened("C2", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.SUSPECT_IDENTIFIED, "S1", "2024-01-01")
                .suspect(EventType.SUSPECT_IDENTIFIED, "S2", "2024-01-01")
                .victim("V1", "2024-01-01", null, null).build();
        StageReading groomingGangs = new StageReading(Definition.GROOMING_GANGS.rules());
        StageReading familial = new StageReading(rules(0, Set.of(CaseContext.INTRA_FAMILIAL), null, false, true));

        assertThat(groomingGangs.qualifies(twoSuspectsYoungVictim)).isTrue();
        assertThat(groomingGangs.qualifies(unknownAge)).isFalse();
        assertThat(familial.qualifies(twoSuspectsYoungVictim)).isFalse();
        assertThat(new StageReading(rules(3, Set.of(), null, false, true)).qualifies(twoSuspectsYoungVictim)).isFalse();
    }
}
