package org.casetrail.api.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.casetrail.api.support.FigureNumbers;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.OwnDatabase;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
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
 * The figure endpoints over HTTP on a database of their own (a property only this class sets gives it its own
 * application context), with one small history worked out by hand. Scenarios keep apart by force.
 */
@IntegrationTest
@OwnDatabase("figures")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FigureApiIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final String MET = "E23000001";
    static final String CUMBRIA = "E23000002";
    static final String LANCASHIRE = "E23000003";
    static final String MERSEYSIDE = "E23000004";
    static final String CHESHIRE = "E23000006";
    static final String HEADER = "source_row_id,case_ref,event_type,occurred_on,reported_on,force_code,context,"
            + "offence_from,suspect_ref,victim_ref,age,ethnicity,officer_ethnicity,outcome_type,operation,"
            + "corrects_row_id,note";

    @Autowired
    TestRestTemplate http;

    private long positionBeforeLateRows;

    /**
     * MET: M1 (2024) S1 arrested 2024-02-01, charged 2024-03-01, convicted 2024-09-01; S2 arrested 2024-02-05, NFA
     * 2024-04-01; victim 14. M2 (2024) S1 convicted only. CUMBRIA: K1 (2024) S1 arrested 2024-02-10 but corrected on
     * 2024-06-01 to 2024-01-20; S2 arrested, retracted on 2024-06-01.
     */
    @BeforeAll
    void importHistory() {
        importCsv("FIG", String.join("\n", HEADER,
                "1,M1,CASE_OPENED,2024-01-10,2024-01-10," + MET + ",GROUP_CSE,2023-06-01,,,,,,,,,",
                "2,M1,SUSPECT_IDENTIFIED,2024-01-10,2024-01-10,,,,S1,,30,A2,,,,,",
                "3,M1,ARRESTED,2024-02-01,2024-02-01,,,,S1,,,,,,,,",
                "4,M1,CHARGED,2024-03-01,2024-03-01,,,,S1,,,,,,,,",
                "5,M1,CONVICTED,2024-09-01,2024-09-02,,,,S1,,,,,,,,",
                "6,M1,SUSPECT_IDENTIFIED,2024-01-10,2024-01-10,,,,S2,,25,NS,IC9,,,,",
                "7,M1,ARRESTED,2024-02-05,2024-02-05,,,,S2,,,,,,,,",
                "8,M1,NFA,2024-04-01,2024-04-01,,,,S2,,,,,15,,,",
                "9,M1,VICTIM_RECORDED,2024-01-10,2024-01-10,,,,,V1,14,W1,,,,,",
                "10,M2,CASE_OPENED,2024-05-01,2024-05-01," + MET + ",ONLINE,,,,,,,,,,",
                "11,M2,CONVICTED,2024-11-01,2024-11-01,,,,S1,,,,,,,,",
                "20,K1,CASE_OPENED,2024-01-05,2024-01-05," + CUMBRIA + ",GROUP_CSE,,,,,,,,,,",
                "21,K1,ARRESTED,2024-02-10,2024-02-10,,,,S1,,,,,,,,",
                "22,K1,ARRESTED,2024-02-12,2024-02-12,,,,S2,,,,,,,,",
                "23,K1,CORRECTION,2024-01-20,2024-06-01,,,,,,,,,,,21,date corrected",
                "24,K1,RETRACTION,,2024-06-01,,,,,,,,,,,22,entered in error",
                "40,L1,CASE_OPENED,2015-01-01,2015-01-01," + LANCASHIRE + ",GROUP_CSE,,,,,,,,,,",
                "41,L1,ARRESTED,2015-02-01,2015-02-01,,,,S1,,,,,,,,",
                "42,L1,CASE_CLOSED,2015-06-01,2015-06-01,,,,,,,,,16,,,",
                "43,L1,CASE_REOPENED,2025-05-01,2025-05-01,,,,,,,,,,BEACONPORT,,",
                "44,L1,ARRESTED,2025-05-20,2025-05-20,,,,S1,,,,,,,,") + "\n");
        positionBeforeLateRows = ((Number) get("/api/v1/funnel").getBody().get("position")).longValue();
    }

    private void importCsv(String source, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<Map<String, Object>> answer = http.exchange("/api/v1/imports?source=" + source,
                HttpMethod.POST, new HttpEntity<>(csv, headers), JSON);
        assertThat(answer.getStatusCode()).as("import: %s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return http.exchange(path, HttpMethod.GET, null, JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Map<String, Object>> stages(Map<String, Object> funnel, int group) {
        return list(list(funnel.get("groups")).get(group).get("stages")).stream()
                .collect(Collectors.toMap(stage -> (String) stage.get("stage"), stage -> stage));
    }

    @Test
    void the_funnel_counts_by_hand_with_rates_implied_stages_and_figure_ids() {
        Map<String, Object> funnel = get("/api/v1/funnel?force=" + MET).getBody();

        assertThat(funnel).containsEntry("definition", Map.of("id", "all-cases", "version", 1))
                .containsEntry("entry", "RECORDED").containsEntry("unit", "suspect").containsKey("position");
        assertThat(list(funnel.get("groups"))).singleElement().satisfies(group ->
                assertThat(group.get("key")).isEqualTo(Map.of()));
        Map<String, Map<String, Object>> stages = stages(funnel, 0);
        assertThat(stages.get("RECORDED")).containsEntry("count", 3).containsEntry("rateFromPrevious", null);
        assertThat(stages.get("ARRESTED")).containsEntry("count", 2).containsEntry("rateFromEntry", 0.6667);
        assertThat(stages.get("CHARGED")).containsEntry("count", 2).containsEntry("implied", 1)
                .containsEntry("rateFromPrevious", 1.0);
        assertThat(stages.get("PROSECUTED")).containsEntry("count", 2).containsEntry("implied", 2);
        assertThat(stages.get("CONVICTED")).containsEntry("count", 2).containsEntry("implied", 0);
        assertThat(stages.values()).allSatisfy(stage -> assertThat(stage).containsKey("figureId"));

        Map<String, Object> again = get("/api/v1/funnel?force=" + MET).getBody();
        assertThat(stages(again, 0).get("CONVICTED").get("figureId")).as("same query, cell and position")
                .isEqualTo(stages.get("CONVICTED").get("figureId"));
        assertThat(stages.get("CONVICTED").get("figureId")).isNotEqualTo(stages.get("CHARGED").get("figureId"));
    }

    @Test
    void groups_are_keyed_by_ons_code_region_year_and_context() {
        Map<String, Object> funnel = get("/api/v1/funnel?groupBy=force,region,year,context&unit=case&force="
                + MET + "," + CUMBRIA).getBody();

        assertThat(list(funnel.get("groups"))).extracting(group -> group.get("key")).containsExactly(
                Map.of("force", MET, "region", "London", "year", 2024, "context", "GROUP_CSE"),
                Map.of("force", MET, "region", "London", "year", 2024, "context", "ONLINE"),
                Map.of("force", CUMBRIA, "region", "North West", "year", 2024, "context", "GROUP_CSE"));
    }

    @Test
    void corrections_and_retractions_count_from_their_knowledge_date_and_a_position_reproduces_a_figure() {
        String before = "/api/v1/funnel?entry=ARRESTED&from=2024-02-01&to=2024-02-28&force=" + CUMBRIA;
        Map<String, Object> early = get(before + "&asOf=2024-05-31").getBody();
        Map<String, Object> late = get(before).getBody();

        assertThat(stages(early, 0).get("ARRESTED")).as("both arrests, as first reported").containsEntry("count", 2);
        assertThat(list(late.get("groups"))).as("S1's arrest moved to January, S2's was retracted").isEmpty();
        Map<String, Object> january = get("/api/v1/funnel?entry=ARRESTED&from=2024-01-01&to=2024-01-31&force="
                + CUMBRIA).getBody();
        assertThat(stages(january, 0).get("ARRESTED")).containsEntry("count", 1);

        importCsv("FIG-LATE", HEADER + "\n30,K2,CASE_OPENED,2024-02-01,2024-07-01," + CUMBRIA
                + ",GROUP_CSE,,,,,,,,,,\n31,K2,ARRESTED,2024-02-15,2024-07-01,,,,S1,,,,,,,,\n");
        Map<String, Object> now = get(before).getBody();
        Map<String, Object> then = get(before + "&position=" + positionBeforeLateRows).getBody();
        assertThat(stages(now, 0).get("ARRESTED")).containsEntry("count", 1);
        assertThat(list(then.get("groups"))).as("the late rows are past the old position").isEmpty();
        assertThat(then).containsEntry("position", (int) positionBeforeLateRows);
    }

    @Test
    void period_counts_lags_cold_cases_and_ethnicity_answer_with_the_contract_fields() {
        Map<String, Object> counts = get("/api/v1/period-counts?from=2024-01-01&to=2024-12-31&force=" + MET)
                .getBody();
        assertThat(list(list(counts.get("groups")).get(0).get("counts")))
                .extracting(c -> c.get("stage") + "=" + c.get("count"))
                .contains("RECORDED=3", "ARRESTED=2", "CHARGED=1", "CONVICTED=2", "NFA=1", "CASE_CLOSED=0");

        Map<String, Object> lags = get("/api/v1/lags?start=ARRESTED&end=CHARGED&asOf=2024-12-31&force=" + MET)
                .getBody();
        assertThat(list(lags.get("groups")).get(0)).containsEntry("population", 2).containsEntry("completed", 1)
                .containsEntry("competing", 1).containsEntry("p50", 29).containsEntry("mean", 29.0)
                .containsEntry("kaplanMeierMedian", 29)
                .containsEntry("cumulativeIncidence", Map.of("30", 0.5, "90", 0.5, "180", 0.5, "365", 0.5));
        assertThat(lags).containsEntry("asOf", "2024-12-31");

        Map<String, Object> offence = get("/api/v1/lags?start=OFFENCE&end=RECORDED&force=" + MET).getBody();
        assertThat(list(offence.get("groups")).get(0)).as("M1's two suspects, offending from 2023-06-01")
                .containsEntry("population", 2).containsEntry("p50", 223);

        assertThat(list(get("/api/v1/cold-cases?force=" + MET).getBody().get("groups"))).isEmpty();
        assertThat(list(get("/api/v1/cold-cases?operation=beaconport&groupBy=year").getBody().get("groups")))
                .singleElement().satisfies(group -> assertThat(group).containsEntry("key", Map.of("year", 2025))
                        .containsEntry("reopened", 1).containsEntry("medianDaysClosed", 3622)
                        .containsEntry("arrestedAfter", 1).containsEntry("reclosed", 0));

        Map<String, Object> ethnicity = get("/api/v1/ethnicity?force=" + MET).getBody();
        assertThat(list(ethnicity.get("suspects"))).extracting(s -> s.get("suspectEthnicity") + "=" + s.get("count"))
                .containsExactly("Asian=1", "Not recorded=2");
        assertThat(list(ethnicity.get("pairs"))).extracting(p -> p.get("suspectEthnicity") + "/"
                + p.get("victimEthnicity") + "=" + p.get("count"))
                .containsExactly("Asian/White=1", "Not recorded/White=1", "Not recorded/No victim recorded=1");

        Map<String, Object> completeness = get("/api/v1/ethnicity/completeness?groupBy=year&force=" + MET).getBody();
        assertThat(list(completeness.get("groups")).get(0)).containsEntry("key", Map.of("year", 2024))
                .containsEntry("selfDefined", 1).containsEntry("notRecorded", 2).containsEntry("total", 3)
                .containsEntry("shareRecorded", 0.3333);
    }

    @Test
    void definitions_are_versioned_and_never_change() {
        Map<String, Object> strict = Map.of("id", "two-plus", "version", 1, "label", "Two or more suspects",
                "description", "test", "minSuspects", 2, "contexts", List.of("GROUP_CSE"));
        assertThat(http.postForEntity("/api/v1/definitions", strict, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(http.postForEntity("/api/v1/definitions", strict, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> changed = http.postForEntity("/api/v1/definitions",
                Map.of("id", "two-plus", "version", 1, "label", "x", "description", "test", "minSuspects", 3),
                Map.class);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<Map> unknownRule = http.postForEntity("/api/v1/definitions",
                Map.of("id", "x", "version", 1, "minVictims", 2), Map.class);
        assertThat(unknownRule.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownRule.getBody()).containsEntry("parameter", "minVictims");
        ResponseEntity<Map> badValue = http.postForEntity("/api/v1/definitions",
                Map.of("id", "x", "version", 1, "contexts", List.of("GANGS")), Map.class);
        assertThat(badValue.getBody()).containsEntry("parameter", "contexts");
        assertThat(get("/api/v1/definitions/two-plus/versions/1").getBody()).containsEntry("minSuspects", 2);
        assertThat(get("/api/v1/definitions/two-plus/versions/9").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(list(http.exchange("/api/v1/definitions", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).getBody())).extracting(d -> d.get("id") + "@" + d.get("version"))
                .contains("all-cases@1", "group-based@1", "grooming-gangs@1", "two-plus@1");

        Map<String, Object> funnel = get("/api/v1/funnel?definition=two-plus@1").getBody();
        assertThat(funnel).containsEntry("definition", Map.of("id", "two-plus", "version", 1));
        assertThat(stages(funnel, 0).get("RECORDED")).as("only M1 has two suspects and context GROUP_CSE")
                .containsEntry("count", 2);
        assertThat(list(get("/api/v1/funnel?definition=grooming-gangs").getBody().get("groups")))
                .as("M1 also has a victim of 14").hasSize(1);
    }

    @Test
    void compare_gives_the_same_figure_under_two_definitions_with_the_difference() {
        Map<String, Object> comparison = get("/api/v1/compare?a=all-cases&b=grooming-gangs@1&force=" + MET)
                .getBody();

        assertThat(comparison).containsEntry("figure", "funnel")
                .containsEntry("a", Map.of("id", "all-cases", "version", 1))
                .containsEntry("b", Map.of("id", "grooming-gangs", "version", 1)).containsKey("position");
        Map<String, Object> recorded = list(comparison.get("rows")).stream()
                .filter(row -> ((Map<?, ?>) row.get("labels")).get("stage").equals("RECORDED")).findFirst()
                .orElseThrow();
        assertThat(list(recorded.get("cells"))).filteredOn(cell -> cell.get("measure").equals("count"))
                .singleElement().satisfies(cell -> assertThat(cell).containsEntry("a", 3).containsEntry("b", 2)
                        .containsEntry("difference", -1));
        assertThat(get("/api/v1/compare?a=grooming-gangs").getBody()).as("b defaults to the query's definition")
                .containsEntry("b", Map.of("id", "all-cases", "version", 1));
        assertThat(get("/api/v1/compare?a=nothing-such").getBody()).containsEntry("parameter", "a");
        assertThat(get("/api/v1/compare?a=all-cases&b=all-cases&figure=pie").getBody())
                .containsEntry("parameter", "figure");
    }

    @Test
    void every_figure_traces_to_as_many_contributors_as_it_counts_with_their_events() {
        int traced = 0;
        for (String query : List.of("/api/v1/funnel?groupBy=force", "/api/v1/funnel?unit=case&entry=ARRESTED",
                "/api/v1/period-counts?groupBy=year", "/api/v1/period-counts?unit=case&from=2024-01-01",
                "/api/v1/lags?start=ARRESTED&end=CHARGED&asOf=2024-12-31", "/api/v1/cold-cases?groupBy=force",
                "/api/v1/ethnicity", "/api/v1/ethnicity/completeness?groupBy=force")) {
            Map<String, Long> found = new LinkedHashMap<>();
            FigureNumbers.collect(get(query).getBody(), found);
            assertThat(found).as(query).isNotEmpty();
            for (Map.Entry<String, Long> figure : found.entrySet()) {
                Map<String, Object> trace = get("/api/v1/figures/" + figure.getKey() + "/trace").getBody();
                assertThat(trace).as("%s %s", query, figure.getKey()).containsEntry("figureId", figure.getKey())
                        .containsKeys("query", "position", "endpoint");
                assertThat(((Number) trace.get("value")).longValue()).isEqualTo(figure.getValue());
                assertThat(list(trace.get("contributors"))).as("%s %s", query, figure.getKey())
                        .hasSize(figure.getValue().intValue())
                        .allSatisfy(member -> assertThat(list(member.get("events"))).isNotEmpty()
                                .allSatisfy(event -> assertThat(event).containsKeys("eventId", "position", "type",
                                        "occurredOn", "reportedOn", "source", "sourceRowId")));
                traced++;
            }
        }
        assertThat(traced).isGreaterThan(40);

        Map<String, Long> funnel = new LinkedHashMap<>();
        FigureNumbers.collect(get("/api/v1/funnel").getBody(), funnel);
        String recorded = funnel.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Map<String, Object>> all = list(get("/api/v1/figures/" + recorded + "/trace").getBody()
                .get("contributors"));
        assertThat(all).hasSizeGreaterThan(2);
        Map<String, Object> page = get("/api/v1/figures/" + recorded + "/trace?offset=1&limit=2").getBody();
        assertThat(list(page.get("contributors"))).as("a page of the contributors, in the same order")
                .isEqualTo(all.subList(1, 3));
        assertThat(((Number) page.get("value")).longValue()).as("value still says how many there are")
                .isEqualTo(all.size());
        assertThat(list(get("/api/v1/figures/" + recorded + "/trace?offset=" + all.size()).getBody()
                .get("contributors"))).isEmpty();
        assertThat(get("/api/v1/figures/" + recorded + "/trace?limit=0").getBody()).containsEntry("parameter",
                "limit");
    }

    @Test
    void a_rate_lists_the_members_of_its_denominators_and_a_corrected_event_names_its_correction() {
        Map<String, Map<String, Object>> stages = stages(get("/api/v1/funnel?force=" + MET).getBody(), 0);
        Map<String, Object> trace = get("/api/v1/figures/" + stages.get("CHARGED").get("figureId") + "/trace")
                .getBody();
        Map<?, ?> denominators = (Map<?, ?>) trace.get("denominators");
        assertThat(list(((Map<?, ?>) denominators.get("rateFromPrevious")).get("contributors"))).hasSize(2);
        assertThat(list(((Map<?, ?>) denominators.get("rateFromEntry")).get("contributors"))).hasSize(3);
        assertThat(list(trace.get("contributors"))).extracting(member -> member.get("caseRef") + "/"
                + member.get("suspectRef") + "/" + member.get("role")).containsExactlyInAnyOrder("M1/S1/direct",
                "M2/S1/implied");

        Map<String, Object> january = get("/api/v1/funnel?entry=ARRESTED&from=2024-01-01&to=2024-01-31&force="
                + CUMBRIA).getBody();
        Map<String, Object> arrest = list(get("/api/v1/figures/" + stages(january, 0).get("ARRESTED")
                .get("figureId") + "/trace").getBody().get("contributors")).get(0);
        Map<String, Object> event = list(arrest.get("events")).get(0);
        assertThat(event).containsEntry("occurredOn", "2024-01-20").containsEntry("sourceRowId", "21");
        assertThat(list(event.get("correctedBy"))).singleElement().satisfies(correction ->
                assertThat(correction).containsEntry("sourceRowId", "23").containsEntry("type", "CORRECTION"));
    }

    @Test
    void a_trace_taken_after_later_imports_reproduces_the_figure_as_it_was_computed() {
        importCsv("FIG-MERSEY-1", HEADER + "\n50,P1,CASE_OPENED,2024-03-01,2024-03-01," + MERSEYSIDE
                + ",OTHER,,,,,,,,,,\n51,P1,ARRESTED,2024-03-02,2024-03-02,,,,S1,,,,,,,,\n");
        String query = "/api/v1/funnel?entry=ARRESTED&force=" + MERSEYSIDE;
        String before = (String) stages(get(query).getBody(), 0).get("ARRESTED").get("figureId");

        importCsv("FIG-MERSEY-2", HEADER + "\n60,P2,CASE_OPENED,2024-04-01,2024-04-01," + MERSEYSIDE
                + ",OTHER,,,,,,,,,,\n61,P2,ARRESTED,2024-04-02,2024-04-02,,,,S1,,,,,,,,\n");
        Map<String, Object> after = stages(get(query).getBody(), 0).get("ARRESTED");

        assertThat(after).containsEntry("count", 2);
        Map<String, Object> trace = get("/api/v1/figures/" + before + "/trace").getBody();
        assertThat(trace).containsEntry("value", 1);
        assertThat(list(trace.get("contributors"))).extracting(member -> member.get("caseRef")).containsExactly("P1");
        assertThat(list(get("/api/v1/figures/" + after.get("figureId") + "/trace").getBody().get("contributors")))
                .hasSize(2);
        assertThat(get("/api/v1/figures/nope-123/trace").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String csv = http.getForEntity("/api/v1/figures/" + after.get("figureId") + "/trace?format=csv",
                String.class).getBody();
        assertThat(csv.lines().skip(1).map(line -> line.split(",")[0]).distinct()).containsExactly("1", "2");
    }

    @Test
    void a_publication_keeps_its_figures_and_its_revisions_name_the_events_that_moved_them() throws Exception {
        importCsv("FIG-CHESHIRE", HEADER + "\n70,H1,CASE_OPENED,2024-01-01,2024-01-01," + CHESHIRE
                + ",GROUP_CSE,,,,,,,,,,\n71,H1,ARRESTED,2024-02-01,2024-02-01,,,,S1,,,,,,,,"
                + "\n72,H2,CASE_OPENED,2024-01-15,2024-01-15," + CHESHIRE
                + ",GROUP_CSE,,,,,,,,,,\n73,H2,ARRESTED,2024-03-01,2024-03-01,,,,S1,,,,,,,,\n");
        Map<String, Object> request = Map.of("name", "Cheshire arrests 2024", "figures", List.of(
                Map.of("figure", "funnel", "parameters", Map.of("entry", "ARRESTED", "groupBy", "year",
                        "force", CHESHIRE)),
                Map.of("figure", "period-counts", "parameters", Map.of("force", CHESHIRE, "from", "2024-01-01"))));
        ResponseEntity<Map> published = http.postForEntity("/api/v1/publications", request, Map.class);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = (String) published.getBody().get("publicationId");
        Map<String, Object> asPublished = get("/api/v1/publications/" + id).getBody();

        importCsv("FIG-CHESHIRE", HEADER + "\n74,H1,CORRECTION,2023-12-20,2024-07-01,,,,,,,,,,,71,date corrected"
                + "\n75,H2,RETRACTION,,2024-07-01,,,,,,,,,,,73,entered in error"
                + "\n76,H3,CASE_OPENED,2024-01-20,2024-07-01," + CHESHIRE + ",GROUP_CSE,,,,,,,,,,"
                + "\n77,H3,ARRESTED,2024-02-10,2024-07-01,,,,S1,,,,,,,,\n");

        assertThat(get("/api/v1/publications/" + id).getBody()).as("exactly as published").isEqualTo(asPublished);
        Map<String, Object> funnel = (Map<String, Object>) list(asPublished.get("figures")).get(0).get("answer");
        assertThat(list(funnel.get("groups"))).singleElement().satisfies(group ->
                assertThat(list(group.get("stages")).get(0)).containsEntry("count", 2));

        Map<String, Object> revisions = get("/api/v1/publications/" + id + "/revisions").getBody();
        List<Map<String, Object>> cells = list(list(revisions.get("figures")).get(0).get("cells"));
        Map<String, Object> arrested2024 = cells.stream().filter(cell -> cell.get("labels")
                .equals(Map.of("year", 2024, "stage", "ARRESTED"))).findFirst().orElseThrow();
        assertThat(arrested2024).containsEntry("then", 2).containsEntry("now", 1).containsEntry("difference", -1);
        assertThat(list(arrested2024.get("movedBy"))).extracting(event -> event.get("type") + " "
                + event.get("caseRef") + " " + event.get("sourceRowId")).containsExactlyInAnyOrder(
                "CORRECTION H1 74", "RETRACTION H2 75", "CASE_OPENED H3 76", "ARRESTED H3 77");
        Map<String, Object> arrested2023 = cells.stream().filter(cell -> cell.get("labels")
                .equals(Map.of("year", 2023, "stage", "ARRESTED"))).findFirst().orElseThrow();
        assertThat(arrested2023).containsEntry("then", null).containsEntry("now", 1);
        assertThat(list(arrested2023.get("movedBy"))).extracting(event -> event.get("sourceRowId"))
                .containsExactly("74");

        String csv = http.getForEntity("/api/v1/publications/" + id + "?format=csv", String.class).getBody();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("figureIndex,figure,cell,measure,value,figureId");
        assertThat(csv).contains("1,funnel,\"{\"\"year\"\":2024} stage=ARRESTED\",count,2,")
                .contains("stage=ARRESTED\",rateFromPrevious,[z],").contains("stage=ARRESTED\",rateFromEntry,1.0000,");
        byte[] xlsx = http.getForEntity("/api/v1/publications/" + id + "/revisions?format=xlsx", byte[].class)
                .getBody();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getFirstSheet().read().get(0).getCellText(3)).isEqualTo("then");
            assertThat(workbook.findSheet("Notes")).isPresent();
        }
        assertThat(get("/api/v1/publications/" + UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        List<Map<String, Object>> listed = list(http.getForEntity("/api/v1/publications?limit=500", List.class)
                .getBody());
        assertThat(listed).filteredOn(summary -> id.equals(summary.get("publicationId"))).singleElement()
                .satisfies(summary -> assertThat(summary).containsEntry("name", "Cheshire arrests 2024")
                        .containsEntry("position", asPublished.get("position"))
                        .containsEntry("figures", List.of("funnel", "period-counts")));
        assertThat(http.getForEntity("/api/v1/publications?limit=0", Map.class).getBody())
                .containsEntry("parameter", "limit");
        assertThat(http.postForEntity("/api/v1/publications", Map.of("name", "x", "figures",
                List.of(Map.of("figure", "pie"))), Map.class).getBody()).containsEntry("parameter",
                "figures[0].figure");
    }

    @Test
    void bad_parameters_are_named() {
        assertThat(get("/api/v1/funnel?from=2024-13-01").getBody()).containsEntry("parameter", "from");
        assertThat(get("/api/v1/funnel?groupBy=colour").getBody()).containsEntry("parameter", "groupBy");
        assertThat(get("/api/v1/funnel?entry=CHARGED").getBody()).containsEntry("parameter", "entry");
        assertThat(get("/api/v1/funnel?force=XYZ").getBody()).containsEntry("parameter", "force");
        assertThat(get("/api/v1/funnel?definition=nope").getBody()).containsEntry("parameter", "definition");
        assertThat(get("/api/v1/funnel?colour=red").getBody()).containsEntry("parameter", "colour");
        assertThat(get("/api/v1/lags?start=ARRESTED").getBody()).containsEntry("parameter", "end");
        assertThat(get("/api/v1/funnel?format=pdf").getBody()).containsEntry("parameter", "format");
        assertThat(get("/api/v1/funnel?position=-1").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void csv_and_xlsx_carry_the_same_numbers_as_json() throws Exception {
        String query = "/api/v1/funnel?groupBy=force&force=" + MET;
        Map<String, Object> json = get(query).getBody();
        Map<String, Map<String, Object>> stages = stages(json, 0);

        HttpHeaders accept = new HttpHeaders();
        accept.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> csv = http.exchange(query, HttpMethod.GET, new HttpEntity<>(accept), String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> rows = CSVParser.parse(new StringReader(csv.getBody()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(rows).hasSize(5);
        for (CSVRecord row : rows) {
            Map<String, Object> stage = stages.get(row.get("stage"));
            assertThat(row.get("force")).isEqualTo(MET);
            assertThat(Long.parseLong(row.get("count"))).isEqualTo(((Number) stage.get("count")).longValue());
            assertThat(row.get("figureId")).isEqualTo(stage.get("figureId"));
        }
        assertThat(rows.get(0).get("rateFromPrevious")).isEqualTo("[z]");
        assertThat(http.getForEntity(query + "&format=csv", String.class).getBody()).isEqualTo(csv.getBody());

        byte[] xlsx = http.getForEntity(query + "&format=xlsx", byte[].class).getBody();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getFirstSheet();
            List<Row> sheetRows = sheet.read();
            assertThat(sheetRows.get(0).getCellText(1)).isEqualTo("stage");
            Row convicted = sheetRows.stream().filter(row -> "CONVICTED".equals(row.getCellText(1))).findFirst()
                    .orElseThrow();
            assertThat(convicted.getCellAsNumber(2).orElseThrow().longValue())
                    .isEqualTo(((Number) stages.get("CONVICTED").get("count")).longValue());
            List<Row> notes = workbook.findSheet("Notes").orElseThrow().read();
            assertThat(notes).extracting(row -> row.getCellText(0)).contains("definition", "rules", "asOf",
                    "position", "produced");
        }
    }
}
