package org.casetrail.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetrail.api.support.CsvFiles.csv;
import static org.casetrail.api.support.CsvFiles.unique;

import java.util.List;
import java.util.Map;

import org.casetrail.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ImportApiIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<Map<String, Object>> post(String source, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.exchange("/api/v1/imports?source=" + source, HttpMethod.POST, new HttpEntity<>(body, headers),
                JSON);
    }

    private long storedEvents(String caseRef) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseRef);
    }

    @Test
    void a_valid_file_is_applied_and_its_case_stream_has_all_three_clocks() {
        String source = unique("GMP");
        String c = unique("C");
        ResponseEntity<Map<String, Object>> answer = post(source, csv(
                "1," + c + ",CASE_OPENED,2024-01-02,2024-01-03,E23000005,GROUP_CSE,,,,,,,",
                "2," + c + ",SUSPECT_IDENTIFIED,2024-01-02,2024-01-04,,,S1,,34,A2,,,",
                "3," + c + ",ARRESTED,2024-01-05,2024-01-06,,,S1,,,,,,",
                "4," + c + ",CORRECTION,2024-01-04,2024-02-01,,,,,,,,3,date was wrong"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("accepted", 4).containsEntry("duplicates", 0)
                .containsEntry("rejected", 0).containsEntry("errors", List.of());

        List<Map<String, Object>> events = http.exchange("/api/v1/cases/" + c + "/events", HttpMethod.GET, null,
                JSON_LIST).getBody();
        assertThat(events).extracting(event -> event.get("type"))
                .containsExactly("CASE_OPENED", "SUSPECT_IDENTIFIED", "ARRESTED", "CORRECTION");
        assertThat(events).extracting(event -> ((Number) event.get("position")).longValue()).isSorted()
                .doesNotHaveDuplicates();
        assertThat(events.get(1)).containsEntry("occurredOn", "2024-01-02").containsEntry("reportedOn", "2024-01-04")
                .containsEntry("source", source).containsEntry("sourceRowId", "2").containsEntry("line", 3)
                .containsKeys("storedAt", "eventId", "importId");
        assertThat(events.get(1).get("fields")).isEqualTo(Map.of("suspectRef", "S1", "age", 34, "ethnicity", "A2"));
        assertThat(events.get(3)).containsEntry("correctsRowId", "3")
                .containsEntry("fields", Map.of("note", "date was wrong"));
        assertThat(events.get(3)).containsEntry("occurredOn", "2024-01-04");
    }

    @Test
    void the_same_file_twice_adds_nothing_the_second_time() {
        String source = unique("WYP");
        String c = unique("C");
        String body = csv("1," + c + ",CASE_OPENED,2024-01-02,2024-01-03,E23000010,,,,,,,,",
                "2," + c + ",VICTIM_RECORDED,2024-01-02,2024-01-03,,,,V1,15,NS,,,");
        assertThat(post(source, body).getBody()).containsEntry("accepted", 2);

        ResponseEntity<Map<String, Object>> again = post(source, body);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("accepted", 0).containsEntry("duplicates", 2);
        assertThat(storedEvents(c)).isEqualTo(2);
    }

    @Test
    void a_file_with_new_and_known_rows_applies_only_the_new_ones() {
        String source = unique("WYP");
        String c = unique("C");
        String opened = "1," + c + ",CASE_OPENED,2024-01-02,2024-01-03,E23000010,,,,,,,,";
        post(source, csv(opened));

        ResponseEntity<Map<String, Object>> answer = post(source, csv(opened,
                "2," + c + ",ARRESTED,2024-01-05,2024-01-06,,,S1,,,,,,"));

        assertThat(answer.getBody()).containsEntry("accepted", 1).containsEntry("duplicates", 1);
        assertThat(storedEvents(c)).isEqualTo(2);
    }

    @Test
    void a_bad_file_applies_nothing_and_lists_every_invalid_row() {
        String source = unique("MPS");
        String known = unique("C");
        post(source, csv("1," + known + ",CASE_OPENED,2024-01-02,2024-01-03,E23000001,,,,,,,,"));
        long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        String c = unique("C");

        ResponseEntity<Map<String, Object>> answer = post(source, csv(
                "10," + c + ",CASE_OPENED,2024-01-02,2024-01-03,E23000001,,,,,,,,",
                "11," + c + ",ARRESTED,2024-01-05,2024-01-04,,,S1,,,,,,",
                "12," + unique("C") + ",ARRESTED,2024-01-05,2024-01-06,,,S1,,,,,,",
                "13," + known + ",CASE_OPENED,2024-01-05,2024-01-06,E23000001,,,,,,,,",
                "1," + c + ",CHARGED,2024-01-05,2024-01-06,,,S1,,,,,,",
                "14," + c + ",CORRECTION,,2024-01-06,,,,,,,,99,x",
                "15," + c + ",SUSPECT_IDENTIFIED,2024-01-02,2024-01-03,,,S2,,130,ZZ,,,",
                "16," + c + ",SUSPECT_IDENTIFIED,2024-01-02,2024-01-03,,,S3,,,,,,",
                "17," + c + ",SUSPECT_IDENTIFIED,2024-01-02,2024-01-03,,,S3,,,,,,",
                "18," + c + ",NFA,2024-01-02,2024-01-03,,,S3,,,,,,"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("accepted", 0).containsEntry("rejected", 8)
                .containsEntry("status", 422);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("line") + ":" + error.get("column")).containsExactly(
                "3:reported_on", "4:case_ref", "5:event_type", "6:source_row_id", "7:corrects_row_id", "8:age",
                "8:ethnicity", "10:suspect_ref", "11:outcome_type");
        assertThat(errors.get(1).get("message").toString()).contains("never opened");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(before);
        assertThat(storedEvents(c)).isZero();
    }

    @Test
    void unknown_and_missing_columns_are_errors_of_line_one() {
        ResponseEntity<Map<String, Object>> answer = post(unique("S"), "source_row_id,case_ref,event_type,colour\n"
                + "1,C,CASE_OPENED,red\n");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("line") + ":" + error.get("column"))
                .containsExactlyInAnyOrder("1:colour", "1:reported_on");
    }

    @Test
    void a_bad_source_parameter_is_named() {
        ResponseEntity<Map<String, Object>> missing = http.exchange("/api/v1/imports", HttpMethod.POST,
                new HttpEntity<>(csv()), JSON);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).containsEntry("parameter", "source");

        ResponseEntity<Map<String, Object>> malformed = post("has spaces", csv());
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody()).containsEntry("parameter", "source");
    }

    @Test
    void an_unknown_case_is_a_404_problem() {
        ResponseEntity<Map<String, Object>> answer = http.exchange("/api/v1/cases/NO-SUCH-CASE/events",
                HttpMethod.GET, null, JSON);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("caseRef", "NO-SUCH-CASE").containsEntry("status", 404);
    }

    @Test
    void the_server_describes_itself_and_reports_health() {
        Map<String, Object> openApi = http.exchange("/v3/api-docs", HttpMethod.GET, null, JSON).getBody();
        assertThat(((Map<?, ?>) openApi.get("paths")).keySet().stream().map(Object::toString))
                .contains("/api/v1/imports", "/api/v1/cases/{caseRef}/events");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/actuator/health", HttpMethod.GET, null, JSON).getBody())
                .containsEntry("status", "UP");
    }
}
