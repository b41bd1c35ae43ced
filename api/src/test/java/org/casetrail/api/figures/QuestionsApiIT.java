package org.casetrail.api.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.casetrail.api.support.FigureNumbers;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.OwnDatabase;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The figures behind the public questions over HTTP, on a database of their own with a small history worked out by
 * hand (the same cases as the projections' VictimsCaseloadNationalityCurveTest): victims as a unit, the caseload at a
 * date, ethnicity by area, nationality, lag curves, and compare with each side's own window.
 */
@IntegrationTest
@OwnDatabase("questions")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionsApiIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String GMP = "E23000005";
    private static final String WYP = "E23000010";
    private static final String MET = "E23000001";
    private static final String CUMBRIA = "E23000002";
    private static final String LANCS = "E23000003";
    private static final String VICTIM_FORCES = GMP + "," + WYP;
    private static final String CASELOAD_FORCES = MET + "," + CUMBRIA;
    private static final String HEADER = "source_row_id,case_ref,event_type,occurred_on,reported_on,force_code,"
            + "context,suspect_ref,victim_ref,age,ethnicity,nationality,outcome_type,operation";

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    void importHistory() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        String csv = String.join("\n", HEADER,
                "1,C1,CASE_OPENED,2024-01-10,2024-01-10," + GMP + ",GROUP_CSE,,,,,,,",
                "2,C1,VICTIM_RECORDED,2024-01-12,2024-01-12,,,,V1,14,W1,,,",
                "3,C1,ARRESTED,2024-02-01,2024-02-01,,,S1,,,,,,",
                "4,C1,VICTIM_RECORDED,2024-03-01,2024-03-01,,,,V2,15,,,,",
                "5,C1,CONVICTED,2024-09-01,2024-09-01,,,S1,,,,,,",
                "6,C2,CASE_OPENED,2024-02-01,2024-02-01," + GMP + ",GROUP_CSE,,,,,,,",
                "7,C2,ARRESTED,2024-02-10,2024-02-10,,,S1,,,,,,",
                "8,C3,CASE_OPENED,2024-03-01,2024-03-01," + WYP + ",ONLINE,,,,,,,",
                "9,C3,CHARGED,2024-04-01,2024-04-01,,,S1,,,,,,",
                "10,C3,VICTIM_RECORDED,2024-03-05,2024-03-05,,,,V1,13,,,,",
                "20,K1,CASE_OPENED,2024-01-01,2024-01-01," + MET + ",GROUP_CSE,,,,,,,",
                "21,K1,VICTIM_RECORDED,2024-01-02,2024-01-02,,,,V1,14,,,,",
                "22,K1,SUSPECT_IDENTIFIED,2024-01-05,2024-01-05,,,S1,,,,,,",
                "23,K1,ARRESTED,2024-02-01,2024-02-01,,,S2,,,,,,",
                "24,K1,CHARGED,2024-03-01,2024-03-01,,,S2,,,,,,",
                "25,K1,VICTIM_RECORDED,2024-07-01,2024-07-01,,,,V2,15,,,,",
                "26,K1,SUSPECT_IDENTIFIED,2024-08-01,2024-08-01,,,S3,,,,,,",
                "30,K2,CASE_OPENED,2023-01-01,2023-01-01," + MET + ",GROUP_CSE,,,,,,,",
                "31,K2,VICTIM_RECORDED,2023-01-01,2023-01-01,,,,V1,15,,,,",
                "32,K2,CHARGED,2023-02-01,2023-02-01,,,S1,,,,,,",
                "33,K2,CONVICTED,2023-05-01,2023-05-01,,,S1,,,,,,",
                "34,K2,CASE_CLOSED,2023-06-01,2023-06-01,,,,,,,,16,",
                "35,K2,CASE_REOPENED,2024-03-01,2024-03-01,,,,,,,,,BEACONPORT",
                "36,K2,CONVICTION_QUASHED,2024-04-01,2024-04-01,,,S1,,,,,,",
                "40,K3,CASE_OPENED,2023-01-01,2023-01-01," + MET + ",GROUP_CSE,,,,,,,",
                "41,K3,SUSPECT_IDENTIFIED,2023-01-02,2023-01-02,,,S2,,,,,,",
                "42,K3,VICTIM_RECORDED,2023-01-03,2023-01-03,,,,V1,12,,,,",
                "43,K3,CHARGED,2023-03-01,2023-03-01,,,S1,,,,,,",
                "44,K3,CASE_CLOSED,2023-06-01,2023-06-01,,,,,,,,16,",
                "45,K3,CASE_REOPENED,2024-09-01,2024-09-01,,,,,,,,,BEACONPORT",
                "50,K4,CASE_OPENED,2024-12-01,2024-12-01," + MET + ",GROUP_CSE,,,,,,,",
                "51,K4,SUSPECT_IDENTIFIED,2024-12-01,2024-12-01,,,S1,,,,,,",
                "60,K5,CASE_OPENED,2024-01-01,2024-01-01," + CUMBRIA + ",ONLINE,,,,,,,",
                "61,K5,ARRESTED,2024-02-01,2024-02-01,,,S1,,,,,,",
                "62,K5,NFA,2024-03-01,2024-03-01,,,S1,,,,,15,",
                "70,N1,CASE_OPENED,2024-01-01,2024-01-01," + LANCS + ",GROUP_CSE,,,,,,,",
                "71,N1,SUSPECT_IDENTIFIED,2024-01-02,2024-01-02,,,S1,,,,GBR,,",
                "72,N1,SUSPECT_IDENTIFIED,2024-01-02,2024-01-02,,,S2,,,,PAK,,",
                "73,N1,SUSPECT_IDENTIFIED,2024-01-02,2024-01-02,,,S3,,,,,,",
                "74,N1,ARRESTED,2024-02-01,2024-02-01,,,S4,,,,,,") + "\n";
        ResponseEntity<Map<String, Object>> answer = http.exchange("/api/v1/imports?source=QUESTIONS",
                HttpMethod.POST, new HttpEntity<>(csv, headers), JSON);
        assertThat(answer.getStatusCode()).as("import: %s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void victims_are_a_unit_of_the_funnel_and_of_period_counts() {
        Map<String, Object> funnel = get("/api/v1/funnel?unit=victim&force=" + VICTIM_FORCES).getBody();
        assertThat(funnel).containsEntry("unit", "victim");
        assertThat(stages(list(funnel.get("groups")).get(0))).extracting(stage -> stage.get("stage") + " "
                + stage.get("count") + " " + stage.get("implied")).containsExactly("RECORDED 3 0", "ARRESTED 2 0",
                "CHARGED 3 2", "PROSECUTED 2 2", "CONVICTED 2 0");
        Map<String, Object> counts = get("/api/v1/period-counts?unit=victim&from=2024-02-15&to=2024-12-31&force="
                + VICTIM_FORCES).getBody();
        List<Map<String, Object>> rows = list(list(counts.get("groups")).get(0).get("counts"));
        assertThat(rows).hasSize(13);
        assertThat(rows.get(12)).containsEntry("stage", "VICTIM_RECORDED").containsEntry("count", 2);
        assertThat(rows.get(0)).containsEntry("stage", "RECORDED").containsEntry("count", 1);
    }

    @Test
    void the_caseload_at_a_date_by_force_and_its_bad_parameters() {
        Map<String, Object> caseload = get("/api/v1/caseload?date=2024-06-30&groupBy=force&force="
                + CASELOAD_FORCES).getBody();
        assertThat(caseload).containsEntry("date", "2024-06-30");
        assertThat(list(caseload.get("groups"))).extracting(group -> group.get("key") + " " + group.get("liveCases")
                + " " + group.get("suspectsUnderInvestigation") + " " + group.get("suspectsAwaitingOutcome") + " "
                + group.get("victimsInLiveCases")).containsExactly("{force=" + MET + "} 2 1 3 2",
                "{force=" + CUMBRIA + "} 1 0 0 0");
        assertThat(get("/api/v1/caseload?groupBy=year").getBody()).containsEntry("parameter", "groupBy");
        assertThat(get("/api/v1/caseload?from=2024-01-01").getBody()).containsEntry("parameter", "from");
        assertThat(get("/api/v1/caseload?date=yesterday").getBody()).containsEntry("parameter", "date");
        assertThat(get("/api/v1/caseload?asOf=2024-06-30&force=" + CASELOAD_FORCES).getBody())
                .as("the date defaults to asOf").containsEntry("date", "2024-06-30");
    }

    @Test
    void ethnicity_by_area_and_nationality() {
        Map<String, Object> byForce = get("/api/v1/ethnicity?groupBy=force&force=" + VICTIM_FORCES).getBody();
        assertThat(byForce).doesNotContainKeys("suspects", "pairs");
        assertThat(list(byForce.get("groups"))).hasSize(2).first().satisfies(group -> {
            assertThat(group.get("key")).isEqualTo(Map.of("force", GMP));
            assertThat(list(group.get("pairs"))).extracting(pair -> pair.get("victimEthnicity") + " "
                    + pair.get("count")).containsExactly("White 1", "Not recorded 1", "No victim recorded 1");
        });
        assertThat(get("/api/v1/ethnicity?force=" + VICTIM_FORCES).getBody()).containsKeys("suspects", "pairs")
                .doesNotContainKey("groups");

        Map<String, Object> nationality = get("/api/v1/nationality?force=" + LANCS).getBody();
        assertThat(list(nationality.get("suspects"))).extracting(row -> row.get("nationality") + " "
                + row.get("count")).containsExactly("UK 1", "Non-UK 1", "Not recorded 2");
        Map<String, Object> codes = get("/api/v1/nationality?level=code&groupBy=force&force=" + LANCS).getBody();
        assertThat(list(list(codes.get("groups")).get(0).get("suspects"))).extracting(row -> row.get("nationality"))
                .containsExactly("GBR", "PAK", "Not recorded");
        assertThat(get("/api/v1/nationality?scheme=self").getBody()).containsEntry("parameter", "scheme");
    }

    @Test
    void a_lag_curve_is_given_when_asked() {
        Map<String, Object> lags = get("/api/v1/lags?start=ARRESTED&end=CHARGED&asOf=2024-12-31&curve=true&force="
                + MET).getBody();
        Map<String, Object> group = list(lags.get("groups")).get(0);
        assertThat(list(group.get("curve"))).isNotEmpty().first().satisfies(point -> assertThat(point)
                .containsKeys("t", "atRisk", "completed", "competing", "censored", "survival",
                        "cumulativeIncidence"));
        assertThat(list(get("/api/v1/lags?start=ARRESTED&end=CHARGED&force=" + MET).getBody().get("groups")).get(0))
                .doesNotContainKey("curve");
        assertThat(get("/api/v1/lags?start=ARRESTED&end=CHARGED&curve=maybe").getBody())
                .containsEntry("parameter", "curve");
    }

    @Test
    void compare_with_each_sides_window_gives_the_two_separate_answers_their_difference_and_ratio()
            throws Exception {
        String common = "figure=period-counts&groupBy=force&force=" + CASELOAD_FORCES;
        Map<String, Object> comparison = get("/api/v1/compare?" + common + "&a.from=2023-01-01&a.to=2023-12-31"
                + "&b.from=2024-01-01&b.to=2024-12-31").getBody();
        Map<String, Object> before = get("/api/v1/period-counts?groupBy=force&force=" + CASELOAD_FORCES
                + "&from=2023-01-01&to=2023-12-31").getBody();
        Map<String, Object> after = get("/api/v1/period-counts?groupBy=force&force=" + CASELOAD_FORCES
                + "&from=2024-01-01&to=2024-12-31").getBody();
        Map<String, Long> a = periodCounts(before);
        Map<String, Long> b = periodCounts(after);
        int checked = 0;
        for (Map<String, Object> row : list(comparison.get("rows"))) {
            Map<?, ?> labels = (Map<?, ?>) row.get("labels");
            String cell = labels.get("force") + " " + labels.get("stage");
            Map<String, Object> count = list(row.get("cells")).stream()
                    .filter(c -> c.get("measure").equals("count")).findFirst().orElseThrow();
            Long valueA = a.get(cell);
            Long valueB = b.get(cell);
            assertThat(count.get("a") == null ? null : ((Number) count.get("a")).longValue()).as(cell)
                    .isEqualTo(valueA);
            assertThat(count.get("b") == null ? null : ((Number) count.get("b")).longValue()).as(cell)
                    .isEqualTo(valueB);
            if (valueA != null && valueB != null) {
                assertThat(((Number) count.get("difference")).longValue()).isEqualTo(valueB - valueA);
                if (valueA != 0) {
                    assertThat(new BigDecimal(count.get("ratio").toString())).isEqualByComparingTo(
                            BigDecimal.valueOf(valueB).divide(BigDecimal.valueOf(valueA), 4,
                                    RoundingMode.HALF_UP));
                } else {
                    assertThat(count.get("ratio")).isNull();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(comparison.get("a")).isEqualTo(Map.of("id", "all-cases", "version", 1, "parameters",
                Map.of("from", "2023-01-01", "to", "2023-12-31")));

        String csv = http.getForEntity("/api/v1/compare?" + common + "&a.to=2023-12-31&b.from=2024-01-01&format=csv",
                String.class).getBody();
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records.get(0).toMap()).containsKeys("force", "stage", "measure", "a", "b", "difference", "ratio");
        byte[] xlsx = http.getForEntity("/api/v1/compare?" + common + "&b.from=2024-01-01&format=xlsx",
                byte[].class).getBody();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getFirstSheet().read().get(0).getCellText(0)).isEqualTo("force");
        }
        Map<String, Object> caseloads = get("/api/v1/compare?figure=caseload&groupBy=force&force=" + CASELOAD_FORCES
                + "&a.date=2023-12-31&b.date=2024-06-30").getBody();
        Map<String, Object> met = list(caseloads.get("rows")).stream()
                .filter(row -> ((Map<?, ?>) row.get("labels")).get("force").equals(MET)).findFirst().orElseThrow();
        assertThat(list(met.get("cells"))).extracting(c -> c.get("measure") + " " + c.get("a") + " " + c.get("b"))
                .contains("liveCases 0 2", "suspectsAwaitingOutcome 1 3");
        assertThat(get("/api/v1/compare?figure=funnel&a.date=2024-01-01").getBody())
                .containsEntry("parameter", "a.date");
        Map<String, Object> blankPosition = get("/api/v1/compare?figure=period-counts&position=").getBody();
        assertThat(blankPosition).as("a blank position is the head, as if not given")
                .containsEntry("position", get("/api/v1/period-counts").getBody().get("position"));
        assertThat(get("/api/v1/compare?figure=period-counts&a.from=someday&b.from=2024-01-01").getBody())
                .containsEntry("parameter", "a.from");
    }

    @Test
    void every_new_figure_traces_to_as_many_members_as_it_counts() {
        int traced = 0;
        for (String query : List.of("/api/v1/funnel?unit=victim&groupBy=force", "/api/v1/period-counts?unit=victim",
                "/api/v1/caseload?date=2024-06-30&groupBy=force", "/api/v1/nationality?groupBy=force",
                "/api/v1/ethnicity?groupBy=region")) {
            Map<String, Long> found = new LinkedHashMap<>();
            FigureNumbers.collect(get(query).getBody(), found);
            assertThat(found).as(query).isNotEmpty();
            for (Map.Entry<String, Long> figure : found.entrySet()) {
                Map<String, Object> trace = get("/api/v1/figures/" + figure.getKey() + "/trace").getBody();
                assertThat(((Number) trace.get("value")).longValue()).as(query).isEqualTo(figure.getValue());
                assertThat(list(trace.get("contributors"))).as("%s %s", query, figure.getKey())
                        .hasSize(figure.getValue().intValue());
                traced++;
            }
        }
        assertThat(traced).isGreaterThan(30);
    }

    @Test
    void new_figures_publish_revise_and_export() {
        Map<String, Object> request = Map.of("name", "Questions", "figures", List.of(
                Map.of("figure", "caseload", "parameters", Map.of("groupBy", "force")),
                Map.of("figure", "nationality", "parameters", Map.of("groupBy", "force")),
                Map.of("figure", "funnel", "parameters", Map.of("unit", "victim"))));
        ResponseEntity<Map> published = http.postForEntity("/api/v1/publications", request, Map.class);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) published.getBody().get("publicationId");
        Map<String, String> caseloadParameters = (Map<String, String>) list(published.getBody().get("figures"))
                .get(0).get("parameters");
        assertThat(caseloadParameters).as("the date is frozen").containsKey("date");
        Map<String, Object> revisions = get("/api/v1/publications/" + id + "/revisions").getBody();
        assertThat(list(revisions.get("figures"))).hasSize(3).allSatisfy(figure ->
                assertThat(list(figure.get("cells"))).isNotEmpty().allSatisfy(cell ->
                        assertThat(cell).containsEntry("difference", 0)));
        String csv = http.getForEntity("/api/v1/publications/" + id + "?format=csv", String.class).getBody();
        assertThat(csv).contains("liveCases").contains("victimsInLiveCases");
        for (String query : List.of("/api/v1/caseload?format=csv", "/api/v1/nationality?format=csv&groupBy=force",
                "/api/v1/ethnicity?format=csv&groupBy=force")) {
            assertThat(http.getForEntity(query, String.class).getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
        }
    }

    private Map<String, Long> periodCounts(Map<String, Object> answer) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> group : list(answer.get("groups"))) {
            Object force = ((Map<?, ?>) group.get("key")).get("force");
            for (Map<String, Object> count : list(group.get("counts"))) {
                counts.put(force + " " + count.get("stage"), ((Number) count.get("count")).longValue());
            }
        }
        return counts;
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return http.exchange(path, HttpMethod.GET, null, JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<Map<String, Object>> stages(Map<String, Object> group) {
        return list(group.get("stages"));
    }
}
