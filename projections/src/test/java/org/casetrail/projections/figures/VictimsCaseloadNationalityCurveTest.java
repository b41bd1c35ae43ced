package org.casetrail.projections.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.projections.CaseBuilder.opened;
import static org.casetrail.projections.figures.Scopes.GMP;
import static org.casetrail.projections.figures.Scopes.WYP;
import static org.casetrail.projections.figures.Scopes.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.junit.jupiter.api.Test;

/** The figures added for the public questions (SEMANTICS 6.2-6.4, 6.6, 6.7), on cases worked out by hand. */
class VictimsCaseloadNationalityCurveTest {

    /**
     * C1 (GMP): S1 arrested and convicted (charged and prosecuted implied); victims V1 and V2. C2 (GMP): S1 arrested,
     * no victim. C3 (WYP): S1 charged; victim V1.
     */
    private static EffectiveCase[] victimCases() {
        return new EffectiveCase[]{
                opened("C1", "2024-01-10", GMP, CaseContext.GROUP_CSE)
                        .victim("V1", "2024-01-12", 14, "W1")
                        .suspect(EventType.ARRESTED, "S1", "2024-02-01")
                        .victim("V2", "2024-03-01", 15, null)
                        .suspect(EventType.CONVICTED, "S1", "2024-09-01").build(),
                opened("C2", "2024-02-01", GMP, CaseContext.GROUP_CSE)
                        .suspect(EventType.ARRESTED, "S1", "2024-02-10").build(),
                opened("C3", "2024-03-01", WYP, CaseContext.ONLINE)
                        .suspect(EventType.CHARGED, "S1", "2024-04-01")
                        .victim("V1", "2024-03-05", 13, null).build()};
    }

    private static List<Object> row(FunnelFigure.StageCount count) {
        return List.of(count.stage(), count.count(), count.implied(), String.valueOf(count.rateFromPrevious()),
                String.valueOf(count.rateFromEntry()));
    }

    @Test
    void each_victim_reaches_what_its_case_reaches_and_a_case_without_victims_adds_nothing() {
        FunnelFigure.Result victims = run(new FunnelFigure(Scopes.all(), Stage.RECORDED, FunnelFigure.Unit.VICTIM),
                victimCases());
        assertThat(victims.groups()).singleElement().satisfies(group -> assertThat(group.stages())
                .extracting(VictimsCaseloadNationalityCurveTest::row).containsExactly(
                        List.of(Stage.RECORDED, 3L, 0L, "null", "1.0000"),
                        List.of(Stage.ARRESTED, 2L, 0L, "0.6667", "0.6667"),
                        List.of(Stage.CHARGED, 3L, 2L, "1.5000", "1.0000"),
                        List.of(Stage.PROSECUTED, 2L, 2L, "0.6667", "0.6667"),
                        List.of(Stage.CONVICTED, 2L, 0L, "1.0000", "0.6667")));

        FunnelFigure.Result cases = run(new FunnelFigure(Scopes.all(), Stage.RECORDED, FunnelFigure.Unit.CASE),
                victimCases());
        assertThat(cases.groups().get(0).stages()).extracting(FunnelFigure.StageCount::count)
                .containsExactly(3L, 2L, 2L, 1L, 1L);

        Collecting tracer = new Collecting(FunnelFigure.cell(GroupKey.NONE, Stage.CHARGED));
        run(new FunnelFigure(Scopes.all(), Stage.RECORDED, FunnelFigure.Unit.VICTIM, tracer), victimCases());
        assertThat(tracer.members()).extracting(member -> member.caseRef() + "/" + member.victimRef() + "/"
                + member.role()).containsExactlyInAnyOrder("C1/V1/implied", "C1/V2/implied", "C3/V1/direct");
    }

    @Test
    void victims_count_for_their_cases_events_in_the_window_and_victims_identified_comes_last() {
        PeriodCountsFigure.Result year = run(new PeriodCountsFigure(Scopes.scope(Definition.ALL_CASES.rules(),
                "2024-01-01", "2024-12-31", List.of()), FunnelFigure.Unit.VICTIM), victimCases());
        Map<PeriodCountsFigure.Counted, Long> counts = counts(year);
        assertThat(year.groups().get(0).counts()).hasSize(13).last()
                .satisfies(last -> assertThat(last.stage()).isEqualTo(PeriodCountsFigure.Counted.VICTIM_RECORDED));
        assertThat(counts).containsEntry(PeriodCountsFigure.Counted.RECORDED, 3L)
                .containsEntry(PeriodCountsFigure.Counted.ARRESTED, 2L)
                .containsEntry(PeriodCountsFigure.Counted.CHARGED, 1L)
                .containsEntry(PeriodCountsFigure.Counted.PROSECUTED, 0L)
                .containsEntry(PeriodCountsFigure.Counted.CONVICTED, 2L)
                .containsEntry(PeriodCountsFigure.Counted.VICTIM_RECORDED, 3L);

        Map<PeriodCountsFigure.Counted, Long> later = counts(run(new PeriodCountsFigure(Scopes.scope(
                Definition.ALL_CASES.rules(), "2024-02-15", "2024-12-31", List.of()), FunnelFigure.Unit.VICTIM),
                victimCases()));
        assertThat(later).containsEntry(PeriodCountsFigure.Counted.RECORDED, 1L)
                .containsEntry(PeriodCountsFigure.Counted.ARRESTED, 0L)
                .containsEntry(PeriodCountsFigure.Counted.CHARGED, 1L)
                .containsEntry(PeriodCountsFigure.Counted.CONVICTED, 2L)
                .containsEntry(PeriodCountsFigure.Counted.VICTIM_RECORDED, 2L);

        assertThat(run(new PeriodCountsFigure(Scopes.all(), FunnelFigure.Unit.SUSPECT), victimCases()).groups()
                .get(0).counts()).as("other units list no victims identified").hasSize(12);
    }

    private static Map<PeriodCountsFigure.Counted, Long> counts(PeriodCountsFigure.Result result) {
        Map<PeriodCountsFigure.Counted, Long> counts = new EnumMap<>(PeriodCountsFigure.Counted.class);
        result.groups().get(0).counts().forEach(count -> counts.put(count.stage(), count.count()));
        return counts;
    }

    /**
     * On 2024-06-30. K1 (GMP, live): S1 identified, S2 charged, S3 known only after the date; V1 recorded before, V2
     * after. K2 (GMP): closed 2023, reopened before the date (live); S1 convicted, the conviction quashed before the
     * date (no outcome, so awaiting one). K3 (GMP): closed, reopened only after the date (not live); S1 charged with no
     * outcome; S2 identified. K4 (GMP) opened after the date. K5 (WYP, live): S1 arrested then NFA.
     */
    private static EffectiveCase[] caseloadCases() {
        return new EffectiveCase[]{
                opened("K1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                        .victim("V1", "2024-01-02", 14, null)
                        .identified("S1", "2024-01-05", null, null)
                        .suspect(EventType.ARRESTED, "S2", "2024-02-01")
                        .suspect(EventType.CHARGED, "S2", "2024-03-01")
                        .victim("V2", "2024-07-01", 15, null)
                        .identified("S3", "2024-08-01", null, null).build(),
                opened("K2", "2023-01-01", GMP, CaseContext.GROUP_CSE)
                        .victim("V1", "2023-01-01", 15, null)
                        .suspect(EventType.CHARGED, "S1", "2023-02-01")
                        .suspect(EventType.CONVICTED, "S1", "2023-05-01")
                        .closed("2023-06-01")
                        .reopened("2024-03-01", "BEACONPORT")
                        .suspect(EventType.CONVICTION_QUASHED, "S1", "2024-04-01").build(),
                opened("K3", "2023-01-01", GMP, CaseContext.GROUP_CSE)
                        .identified("S2", "2023-01-02", null, null)
                        .victim("V1", "2023-01-03", 12, null)
                        .suspect(EventType.CHARGED, "S1", "2023-03-01")
                        .closed("2023-06-01")
                        .reopened("2024-09-01", "BEACONPORT").build(),
                opened("K4", "2024-12-01", GMP, CaseContext.GROUP_CSE)
                        .identified("S1", "2024-12-01", null, null).build(),
                opened("K5", "2024-01-01", WYP, CaseContext.ONLINE)
                        .suspect(EventType.ARRESTED, "S1", "2024-02-01")
                        .suspect(EventType.NFA, "S1", "2024-03-01").build()};
    }

    @Test
    void the_caseload_counts_what_was_open_on_the_day() {
        CaseloadFigure.Result all = run(new CaseloadFigure(Scopes.all(), LocalDate.parse("2024-06-30"),
                CellTracer.NONE), caseloadCases());
        assertThat(all.groups()).singleElement().isEqualTo(new CaseloadFigure.Group(GroupKey.NONE, 3, 1, 3, 2));

        CaseloadFigure.Result byForce = run(new CaseloadFigure(Scopes.scope(Definition.ALL_CASES.rules(), null, null,
                List.of(Dimension.FORCE)), LocalDate.parse("2024-06-30"), CellTracer.NONE), caseloadCases());
        assertThat(byForce.groups()).containsExactly(
                new CaseloadFigure.Group(new GroupKey(Map.of("force", GMP)), 2, 1, 3, 2),
                new CaseloadFigure.Group(new GroupKey(Map.of("force", WYP)), 1, 0, 0, 0));

        // A year earlier: K2 closed with its conviction standing, K3 closed with S1 charged, K1 and K5 not opened.
        CaseloadFigure.Result before = run(new CaseloadFigure(Scopes.all(), LocalDate.parse("2023-12-31"),
                CellTracer.NONE), caseloadCases());
        assertThat(before.groups()).singleElement().isEqualTo(new CaseloadFigure.Group(GroupKey.NONE, 0, 0, 1, 0));

        Collecting tracer = new Collecting(CaseloadFigure.cell(GroupKey.NONE));
        run(new CaseloadFigure(Scopes.all(), LocalDate.parse("2024-06-30"), tracer), caseloadCases());
        assertThat(tracer.members()).extracting(member -> member.caseRef() + "/" + member.suspectRef() + "/"
                + member.victimRef() + "/" + member.role()).containsExactlyInAnyOrder(
                "K1/null/null/liveCases", "K2/null/null/liveCases", "K5/null/null/liveCases",
                "K1/S1/null/suspectsUnderInvestigation", "K1/S2/null/suspectsAwaitingOutcome",
                "K2/S1/null/suspectsAwaitingOutcome", "K3/S1/null/suspectsAwaitingOutcome",
                "K1/null/V1/victimsInLiveCases", "K2/null/V1/victimsInLiveCases");
    }

    /**
     * K2 by hand: opened with V1 (live, a victim in it), S1 charged (awaiting), convicted (an outcome), the case closed
     * (neither live nor its victim counted), reopened (both again), the conviction quashed (awaiting again).
     */
    @Test
    void a_cases_caseload_changes_on_its_event_dates_and_sums_to_its_caseload_on_any_date() {
        EffectiveCase k2 = caseloadCases()[1];
        Map<LocalDate, List<Long>> changes = new LinkedHashMap<>();
        CaseloadFigure.changes(k2).forEach((day, change) -> changes.put(day, Arrays.stream(change).boxed()
                .toList()));
        assertThat(changes).containsExactly(
                Map.entry(LocalDate.parse("2023-01-01"), List.of(1L, 0L, 0L, 1L)),
                Map.entry(LocalDate.parse("2023-02-01"), List.of(0L, 0L, 1L, 0L)),
                Map.entry(LocalDate.parse("2023-05-01"), List.of(0L, 0L, -1L, 0L)),
                Map.entry(LocalDate.parse("2023-06-01"), List.of(-1L, 0L, 0L, -1L)),
                Map.entry(LocalDate.parse("2024-03-01"), List.of(1L, 0L, 0L, 1L)),
                Map.entry(LocalDate.parse("2024-04-01"), List.of(0L, 0L, 1L, 0L)));

        for (String date : List.of("2022-12-31", "2023-01-01", "2023-06-01", "2023-12-31", "2024-02-29",
                "2024-06-30", "2024-08-01", "2024-12-01", "2030-01-01")) {
            LocalDate day = LocalDate.parse(date);
            long[] summed = new long[CaseloadFigure.Measure.values().length];
            for (EffectiveCase c : caseloadCases()) {
                CaseloadFigure.changes(c).headMap(day.plusDays(1)).values().forEach(change -> {
                    for (int i = 0; i < summed.length; i++) {
                        summed[i] += change[i];
                    }
                });
            }
            List<CaseloadFigure.Group> figure = run(new CaseloadFigure(Scopes.all(), day, CellTracer.NONE),
                    caseloadCases()).groups();
            List<Long> expected = figure.isEmpty() ? List.of(0L, 0L, 0L, 0L) : List.of(figure.get(0).liveCases(),
                    figure.get(0).suspectsUnderInvestigation(), figure.get(0).suspectsAwaitingOutcome(),
                    figure.get(0).victimsInLiveCases());
            assertThat(Arrays.stream(summed).boxed().toList()).as(date).isEqualTo(expected);
        }
    }

    @Test
    void nationality_is_uk_non_uk_or_not_recorded_and_never_dropped() {
        EffectiveCase c = opened("N1", "2024-01-01", GMP, CaseContext.GROUP_CSE)
                .add(EventType.SUSPECT_IDENTIFIED, "2024-01-02", "2024-01-02",
                        fields -> fields.suspectRef("S1").nationality("GBR"))
                .add(EventType.SUSPECT_IDENTIFIED, "2024-01-02", "2024-01-02",
                        fields -> fields.suspectRef("S2").nationality("PAK"))
                .identified("S3", "2024-01-02", null, null)
                .suspect(EventType.ARRESTED, "S4", "2024-02-01").build();
        NationalityFigure.Result groups = run(new NationalityFigure(Scopes.all(), Stage.RECORDED,
                EthnicityScheme.Level.GROUP, CellTracer.NONE), c);
        assertThat(groups.ungrouped()).containsExactly(new NationalityFigure.SuspectCount("UK", 1),
                new NationalityFigure.SuspectCount("Non-UK", 1), new NationalityFigure.SuspectCount("Not recorded", 2));
        NationalityFigure.Result codes = run(new NationalityFigure(Scopes.all(), Stage.RECORDED,
                EthnicityScheme.Level.CODE, CellTracer.NONE), c);
        assertThat(codes.ungrouped()).extracting(NationalityFigure.SuspectCount::nationality)
                .containsExactly("GBR", "PAK", "Not recorded");
        NationalityFigure.Result arrested = run(new NationalityFigure(Scopes.all(), Stage.ARRESTED,
                EthnicityScheme.Level.GROUP, CellTracer.NONE), c);
        assertThat(arrested.ungrouped()).containsExactly(new NationalityFigure.SuspectCount("Not recorded", 1));
    }

    @Test
    void ethnicity_groups_suspects_and_pairs_by_area() {
        EthnicityFigure.Result byForce = run(new EthnicityFigure(Scopes.scope(Definition.ALL_CASES.rules(), null,
                null, List.of(Dimension.FORCE)), Stage.RECORDED, EthnicityScheme.BEST, EthnicityScheme.Level.GROUP),
                victimCases());
        assertThat(byForce.groups()).extracting(group -> group.key().values().get("force")).containsExactly(GMP, WYP);
        assertThat(byForce.groups().get(0).suspects()).containsExactly(
                new EthnicityFigure.SuspectCount("Not recorded", 2));
        assertThat(byForce.groups().get(0).pairs()).containsExactly(
                new EthnicityFigure.PairCount("Not recorded", "White", 1),
                new EthnicityFigure.PairCount("Not recorded", "Not recorded", 1),
                new EthnicityFigure.PairCount("Not recorded", EthnicityFigure.NO_VICTIM, 1));
        assertThat(byForce.groups().get(1).pairs()).containsExactly(
                new EthnicityFigure.PairCount("Not recorded", "Not recorded", 1));
    }

    /**
     * Five suspects arrested, censored on 2024-01-11: D charged after 3 days, C NFA after 5 (competing), E charged
     * after 6, A charged after 10 and B still waiting at 10: a completion and a censoring tied at t = 10.
     */
    @Test
    void the_curve_has_a_step_per_time_with_completions_before_censorings_at_a_tie() {
        EffectiveCase c = opened("L1", "2023-12-01", GMP, CaseContext.GROUP_CSE)
                .suspect(EventType.ARRESTED, "A", "2024-01-01").suspect(EventType.CHARGED, "A", "2024-01-11")
                .suspect(EventType.ARRESTED, "B", "2024-01-01")
                .suspect(EventType.ARRESTED, "C", "2024-01-01").suspect(EventType.NFA, "C", "2024-01-06")
                .suspect(EventType.ARRESTED, "D", "2024-01-01").suspect(EventType.CHARGED, "D", "2024-01-04")
                .suspect(EventType.ARRESTED, "E", "2024-01-05").suspect(EventType.CHARGED, "E", "2024-01-11")
                .build();
        LagsFigure.Result lags = run(new LagsFigure(Scopes.all(), LagsFigure.Start.ARRESTED, Stage.CHARGED,
                LocalDate.parse("2024-01-11"), true, CellTracer.NONE), c);
        LagsFigure.Group group = lags.groups().get(0);
        assertThat(group.curve()).extracting(point -> List.of(point.t(), point.atRisk(), point.completed(),
                point.competing(), point.censored(), point.survival().toPlainString(),
                point.cumulativeIncidence().toPlainString())).containsExactly(
                List.of(3L, 5L, 1L, 0L, 0L, "0.8000", "0.2000"),
                List.of(5L, 4L, 0L, 1L, 0L, "0.8000", "0.2000"),
                List.of(6L, 3L, 1L, 0L, 0L, "0.5333", "0.4000"),
                List.of(10L, 2L, 1L, 0L, 1L, "0.2667", "0.6000"));
        assertThat(group.kaplanMeierMedian()).isEqualTo(10L);
        assertThat(run(new LagsFigure(Scopes.all(), LagsFigure.Start.ARRESTED, Stage.CHARGED,
                LocalDate.parse("2024-01-11"), CellTracer.NONE), c).groups().get(0).curve())
                .as("only when asked").isNull();
    }

    /** Collects the members of one cell. */
    private static final class Collecting implements CellTracer {
        private final List<Object> cell;
        private final List<Contributor> members = new ArrayList<>();

        Collecting(List<Object> cell) {
            this.cell = cell;
        }

        @Override
        public boolean wants(List<Object> asked) {
            return asked.equals(cell);
        }

        @Override
        public void add(List<Object> asked, Contributor contributor) {
            members.add(contributor);
        }

        List<Contributor> members() {
            return members;
        }
    }
}
