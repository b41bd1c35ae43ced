package org.casetrail.projections.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.casetrail.projections.CaseBuilder.opened;
import static org.casetrail.projections.figures.Scopes.GMP;
import static org.casetrail.projections.figures.Scopes.run;

import java.util.List;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.junit.jupiter.api.Test;

class ColdCasesAndEthnicityTest {

    @Test
    void a_cold_case_is_reopened_after_a_closure_and_its_suspects_are_followed_from_the_reopening() {
        EffectiveCase reopened = opened("C1", "2015-01-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.ARRESTED, "S1", "2015-02-01")
                .suspect(EventType.NFA, "S1", "2015-06-01")
                .closed("2015-06-10")
                .closed("2016-01-01")
                .reopened("2025-05-01", "BEACONPORT")
                .reopened("2025-06-01", "BEACONPORT")
                .suspect(EventType.ARRESTED, "S1", "2025-05-20")
                .suspect(EventType.CHARGED, "S1", "2025-07-01")
                .suspect(EventType.ARRESTED, "S2", "2025-05-01")
                .closed("2025-09-01").build();
        EffectiveCase otherOperation = opened("C2", "2015-01-01", GMP, CaseContext.GROUP_CSE)
                .closed("2016-01-01").reopened("2025-05-01", "OTHER").build();
        EffectiveCase neverClosed = opened("C3", "2015-01-01", GMP, CaseContext.GROUP_CSE)
                .reopened("2025-05-01", "BEACONPORT").build();

        ColdCasesFigure.Result cold = run(new ColdCasesFigure(Scopes.scope(Definition.Rules.DEFAULT, "2025-01-01",
                "2025-12-31", List.of(Dimension.YEAR)), "beaconport"), reopened, otherOperation, neverClosed);

        assertThat(cold.groups()).singleElement().satisfies(group -> {
            assertThat(group.key().values()).containsEntry("year", 2025);
            assertThat(group.reopened()).isEqualTo(1);
            assertThat(group.medianDaysClosed()).as("2016-01-01 to 2025-05-01").isEqualTo(3408L);
            assertThat(group.arrestedAfter()).isEqualTo(2);
            assertThat(group.chargedAfter()).isEqualTo(1);
            assertThat(group.convictedAfter()).isZero();
            assertThat(group.reclosed()).isEqualTo(1);
        });
    }

    /**
     * C1: S1 self-defined A2 (Asian), S2 only officer IC1 (White), S3 self NS with officer IC9 (not recorded), S4
     * never identified (not recorded); victims V1 W1 (White) and V2 with no ethnicity. C2: S1 self B1, no victim.
     */
    private static EffectiveCase[] cases() {
        return new EffectiveCase[]{
                opened("C1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                        .identified("S1", "2024-01-02", "A2", null)
                        .identified("S2", "2024-01-02", null, "IC1")
                        .identified("S3", "2024-01-02", "NS", "IC9")
                        .suspect(EventType.ARRESTED, "S4", "2024-01-03")
                        .victim("V1", "2024-01-01", 14, "W1")
                        .victim("V2", "2024-01-01", 15, null).build(),
                opened("C2", "2024-02-01", GMP, CaseContext.GROUP_CSE)
                        .identified("S1", "2024-02-02", "B1", null).build()};
    }

    @Test
    void not_recorded_ethnicity_is_its_own_category_under_the_best_scheme() {
        EthnicityFigure.Result result = run(new EthnicityFigure(Scopes.all(), Stage.RECORDED, EthnicityScheme.BEST,
                EthnicityScheme.Level.GROUP), cases());

        assertThat(result.ungrouped().suspects()).extracting(EthnicityFigure.SuspectCount::suspectEthnicity,
                EthnicityFigure.SuspectCount::count).containsExactly(tuple("White", 1L), tuple("Asian", 1L),
                tuple("Black", 1L), tuple("Not recorded", 2L));
        assertThat(result.ungrouped().pairs()).extracting(EthnicityFigure.PairCount::suspectEthnicity,
                EthnicityFigure.PairCount::victimEthnicity, EthnicityFigure.PairCount::count).containsExactly(
                tuple("White", "White", 1L), tuple("White", "Not recorded", 1L),
                tuple("Asian", "White", 1L), tuple("Asian", "Not recorded", 1L),
                tuple("Black", "No victim recorded", 1L),
                tuple("Not recorded", "White", 2L), tuple("Not recorded", "Not recorded", 2L));
    }

    @Test
    void the_self_and_officer_schemes_each_show_what_they_do_not_record() {
        EthnicityFigure.Result self = run(new EthnicityFigure(Scopes.all(), Stage.RECORDED, EthnicityScheme.SELF,
                EthnicityScheme.Level.CODE), cases());
        EthnicityFigure.Result officer = run(new EthnicityFigure(Scopes.all(), Stage.RECORDED,
                EthnicityScheme.OFFICER, EthnicityScheme.Level.GROUP), cases());

        assertThat(self.ungrouped().suspects()).extracting(EthnicityFigure.SuspectCount::suspectEthnicity,
                EthnicityFigure.SuspectCount::count).containsExactly(tuple("A2", 1L), tuple("B1", 1L),
                tuple("Not recorded", 3L));
        assertThat(officer.ungrouped().suspects()).extracting(EthnicityFigure.SuspectCount::suspectEthnicity,
                EthnicityFigure.SuspectCount::count).containsExactly(tuple("White", 1L), tuple("Not recorded", 4L));
    }

    @Test
    void completeness_counts_self_defined_officer_only_and_neither() {
        EthnicityFigure.Result result = run(new EthnicityFigure(Scopes.all(), Stage.RECORDED, EthnicityScheme.BEST,
                EthnicityScheme.Level.GROUP), cases());

        assertThat(result.completeness()).singleElement().satisfies(group -> {
            assertThat(List.of(group.selfDefined(), group.officerOnly(), group.notRecorded(), group.total()))
                    .containsExactly(2L, 1L, 2L, 5L);
            assertThat(group.shareRecorded()).isEqualByComparingTo("0.6000");
        });
    }

    @Test
    void only_suspects_reaching_the_stage_directly_in_the_range_count() {
        EthnicityFigure.Result arrested = run(new EthnicityFigure(Scopes.all(), Stage.ARRESTED, EthnicityScheme.BEST,
                EthnicityScheme.Level.GROUP), cases());

        assertThat(arrested.ungrouped().suspects()).extracting(EthnicityFigure.SuspectCount::suspectEthnicity)
                .containsExactly("Not recorded");
    }
}
