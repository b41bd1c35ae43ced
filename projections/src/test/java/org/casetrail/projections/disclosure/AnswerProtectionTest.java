package org.casetrail.projections.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Each figure's answer protected as SEMANTICS 8 says, worked by hand. */
class AnswerProtectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void funnelByForceHidesSmallCountsTheirPartnersAcrossForcesAndEveryRateThatDividesByThem() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"groups": [
                  {"key": {"force": "A"}, "stages": [
                    {"stage": "RECORDED", "count": 10, "implied": 0, "rateFromPrevious": null, "rateFromEntry": 1,
                     "figureId": "f1"},
                    {"stage": "ARRESTED", "count": 3, "implied": 0, "rateFromPrevious": 0.3, "rateFromEntry": 0.3,
                     "figureId": "f2"},
                    {"stage": "CHARGED", "count": 2, "implied": 0, "rateFromPrevious": 0.6667, "rateFromEntry": 0.2,
                     "figureId": "f3"}]},
                  {"key": {"force": "B"}, "stages": [
                    {"stage": "RECORDED", "count": 20, "implied": 0, "rateFromPrevious": null, "rateFromEntry": 1,
                     "figureId": "f4"},
                    {"stage": "ARRESTED", "count": 8, "implied": 0, "rateFromPrevious": 0.4, "rateFromEntry": 0.4,
                     "figureId": "f5"},
                    {"stage": "CHARGED", "count": 6, "implied": 0, "rateFromPrevious": 0.75, "rateFromEntry": 0.3,
                     "figureId": "f6"}]}]}
                """);
        JsonNode shown = AnswerProtection.protect(answer);

        // ARRESTED: 3 is primary, so B's 8 goes with it; CHARGED: 2 is primary, so B's 6 goes with it.
        for (String id : List.of("f2", "f3", "f5", "f6")) {
            JsonNode stage = AnswerProtection.figure(shown, id);
            assertThat(stage.get("count").isNull()).as(id).isTrue();
            assertThat(stage.get("suppressed").asBoolean()).as(id).isTrue();
            assertThat(names(stage.get("suppressedFields"))).as(id)
                    .containsExactly("count", "rateFromPrevious", "rateFromEntry");
            assertThat(stage.get("rateFromPrevious").isNull()).isTrue();
            assertThat(stage.get("rateFromEntry").isNull()).isTrue();
        }
        assertThat(AnswerProtection.figure(shown, "f1").get("count").asLong()).isEqualTo(10);
        assertThat(AnswerProtection.figure(shown, "f4").has("suppressed")).isFalse();
        assertThat(AnswerProtection.figure(answer, "f2").get("count").asLong()).as("the given answer is left as it was").isEqualTo(3);
        assertThat(AnswerProtection.valueSuppressed(shown, "f5")).isTrue();
        assertThat(AnswerProtection.valueSuppressed(shown, "f4")).isFalse();
    }

    @Test
    void ungroupedFunnelHasNoFamilyAndHidesOnlyTheRatesThatUseTheHiddenCount() throws Exception {
        JsonNode shown = AnswerProtection.protect(JSON.readTree("""
                {"groups": [{"key": {}, "stages": [
                    {"stage": "RECORDED", "count": 30, "implied": 0, "rateFromEntry": 1, "figureId": "a"},
                    {"stage": "ARRESTED", "count": 4, "implied": 0, "rateFromPrevious": 0.1333,
                     "rateFromEntry": 0.1333, "figureId": "b"},
                    {"stage": "CHARGED", "count": 12, "implied": 2, "rateFromPrevious": 3, "rateFromEntry": 0.4,
                     "figureId": "c"}]}]}
                """));
        assertThat(names(AnswerProtection.figure(shown, "b").get("suppressedFields")))
                .containsExactly("count", "rateFromPrevious", "rateFromEntry");
        JsonNode charged = AnswerProtection.figure(shown, "c");
        assertThat(charged.get("count").asLong()).isEqualTo(12);
        assertThat(charged.get("implied").isNull()).as("an implied count of 2 is a count too").isTrue();
        assertThat(names(charged.get("suppressedFields"))).containsExactly("implied", "rateFromPrevious");
        assertThat(charged.get("rateFromEntry").decimalValue()).isEqualByComparingTo("0.4");
    }

    @Test
    void lagClassesAreAFamilySummingToPopulationAndQuantilesNeedTenCompleted() throws Exception {
        JsonNode shown = AnswerProtection.protect(JSON.readTree("""
                {"groups": [{"key": {}, "population": 12, "completed": 9, "censored": 3, "competing": 0,
                  "undated": 0, "invalid": 0, "p25": 5, "p50": 10, "p75": 20, "p90": 30, "mean": 12.5,
                  "kaplanMeierMedian": 11, "cumulativeIncidence": {"30": 0.25, "90": 0.5, "180": 0.6, "365": 0.75},
                  "figureId": "L1"}]}
                """));
        JsonNode group = AnswerProtection.figure(shown, "L1");
        // censored 3 is primary; the family hides completed 9 (the only other non-zero); 9 < 10 hides the quantiles.
        assertThat(names(group.get("suppressedFields")))
                .containsExactly("completed", "censored", "p25", "p50", "p75", "p90", "mean");
        assertThat(group.get("population").asLong()).isEqualTo(12);
        assertThat(group.get("kaplanMeierMedian").asLong()).as("12 members with a usable lag").isEqualTo(11);
        assertThat(AnswerProtection.valueSuppressed(shown, "L1")).isFalse();
    }

    @Test
    void survivalEstimatesAndTheCurveNeedTenMembersNeitherUndatedNorInvalid() throws Exception {
        JsonNode shown = AnswerProtection.protect(JSON.readTree("""
                {"groups": [{"key": {}, "population": 12, "completed": 10, "censored": 0, "competing": 0,
                  "undated": 3, "invalid": 0, "p50": 10, "kaplanMeierMedian": 11,
                  "cumulativeIncidence": {"30": 0.25, "90": 0.5}, "curve": [{"day": 0, "survival": 1}],
                  "figureId": "L2"}]}
                """));
        JsonNode group = AnswerProtection.figure(shown, "L2");
        assertThat(names(group.get("suppressedFields")))
                .containsExactly("completed", "undated", "kaplanMeierMedian", "cumulativeIncidence", "curve");
        assertThat(group.has("curve")).as("the curve is left out whole").isFalse();
        assertThat(group.get("cumulativeIncidence").get("30").isNull()).isTrue();
        assertThat(group.get("cumulativeIncidence").get("90").isNull()).isTrue();
        assertThat(group.get("p50").asLong()).as("10 completed: quantiles shown").isEqualTo(10);
    }

    @Test
    void completenessCountsAreAFamilySummingToTotalAndTheShareFollowsThem() throws Exception {
        JsonNode shown = AnswerProtection.protect(JSON.readTree("""
                {"groups": [
                  {"key": {"force": "A"}, "selfDefined": 2, "officerOnly": 5, "notRecorded": 10, "total": 17,
                   "shareRecorded": 0.4118, "figureId": "cA"},
                  {"key": {"force": "B"}, "selfDefined": 20, "officerOnly": 6, "notRecorded": 30, "total": 56,
                   "shareRecorded": 0.4643, "figureId": "cB"}]}
                """));
        // selfDefined across forces: 2 is primary, so 20 goes; then in each force one suppressed count takes the
        // smallest other: 5 in A, 6 in B.
        assertThat(names(AnswerProtection.figure(shown, "cA").get("suppressedFields")))
                .containsExactly("selfDefined", "officerOnly", "shareRecorded");
        assertThat(names(AnswerProtection.figure(shown, "cB").get("suppressedFields")))
                .containsExactly("selfDefined", "officerOnly", "shareRecorded");
        assertThat(AnswerProtection.figure(shown, "cB").get("notRecorded").asLong()).isEqualTo(30);
        assertThat(AnswerProtection.figure(shown, "cB").get("total").asLong()).isEqualTo(56);
    }

    @Test
    void coldCasesHideSmallCountsAndTheMedianOfFewerThanTenReopenings() throws Exception {
        JsonNode shown = AnswerProtection.protect(JSON.readTree("""
                {"groups": [{"key": {}, "reopened": 8, "medianDaysClosed": 400, "arrestedAfter": 1,
                  "chargedAfter": 0, "convictedAfter": 0, "reclosed": 5, "figureId": "k"}]}
                """));
        JsonNode group = AnswerProtection.figure(shown, "k");
        assertThat(names(group.get("suppressedFields"))).containsExactly("arrestedAfter", "medianDaysClosed");
        assertThat(group.get("reopened").asLong()).isEqualTo(8);
        assertThat(group.get("chargedAfter").asLong()).as("a zero is shown").isZero();
    }

    @Test
    void suspectCategoriesAreAFamilyAndPairCategoriesAreNot() throws Exception {
        JsonNode shown = AnswerProtection.protect(JSON.readTree("""
                {"suspects": [{"suspectEthnicity": "Asian", "count": 3, "figureId": "s1"},
                              {"suspectEthnicity": "White", "count": 20, "figureId": "s2"},
                              {"suspectEthnicity": "Not recorded", "count": 7, "figureId": "s3"}],
                 "pairs": [{"suspectEthnicity": "Asian", "victimEthnicity": "White", "count": 2, "figureId": "p1"},
                           {"suspectEthnicity": "White", "victimEthnicity": "White", "count": 15, "figureId": "p2"},
                           {"suspectEthnicity": "White", "victimEthnicity": "Asian", "count": 5, "figureId": "p3"}]}
                """));
        assertThat(AnswerProtection.figure(shown, "s1").get("count").isNull()).isTrue();
        assertThat(AnswerProtection.figure(shown, "s3").get("count").isNull()).as("smallest other suspect category").isTrue();
        assertThat(AnswerProtection.figure(shown, "s2").get("count").asLong()).isEqualTo(20);
        assertThat(AnswerProtection.figure(shown, "p1").get("count").isNull()).isTrue();
        assertThat(AnswerProtection.figure(shown, "p3").get("count").asLong()).isEqualTo(5);
    }


    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
