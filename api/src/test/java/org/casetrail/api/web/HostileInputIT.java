package org.casetrail.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.api.support.ApiClient;
import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a careless or hostile caller sends, each answered with a problem document that names what was wrong, and
 * nothing stored: fields and rows too long for the store, control characters, case references that could not be read
 * back, dates no one meant, a poison file that once wedged every figure, positions beyond the head, bodies sent as
 * forms, unreadable zips, and URLs Tomcat refuses.
 */
@IntegrationTest
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final ApiClient api = new ApiClient(() -> port);

    @Test
    void values_the_store_cannot_hold_are_named_by_line_and_column_and_nothing_is_applied() throws Exception {
        String c = CsvFiles.unique("HOSTILE");
        String tooLong = "x".repeat(256);
        String csv = CsvFiles.csv(
                "1," + c + ",CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,,",
                tooLong + "," + c + ",ARRESTED,2024-01-05,2024-01-06,,,S1,,,,,,",
                "4," + c + ",ARRESTED,2024-01-05,2024-01-06,,,S\u0000,,,,,,",
                "5," + c + ",ARRESTED,3024-01-05,3024-01-06,,,S2,,,,,,",
                "6," + c + ",ARRESTED,2024-01-05,2024-01-06,,,S3,,,,,," + "n".repeat(2001));
        HttpResponse<String> answer = importCsv("HOSTILE", csv);
        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode errors = JSON.readTree(answer.body()).get("errors");
        List<String> named = new ArrayList<>();
        errors.forEach(error -> named.add(error.get("line").asInt() + ":" + error.get("column").asText()));
        assertThat(named).containsExactly("3:source_row_id", "4:suspect_ref", "5:reported_on", "5:occurred_on",
                "6:note");
        assertThat(errors.toString()).contains("at most 255").contains("control character")
                .contains("1900 to 2100").contains("at most 2000");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE case_ref = ?", Long.class, c)).isZero();
    }

    @Test
    void a_poison_file_of_enormous_notes_is_refused_whole_and_every_figure_still_answers() throws Exception {
        String c = CsvFiles.unique("POISON");
        String note = "p".repeat(10 * 1024 * 1024);
        StringBuilder csv = new StringBuilder(CsvFiles.HEADER).append('\n')
                .append("1,").append(c).append(",CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,,\n");
        for (int i = 2; i < 5; i++) {
            csv.append(i).append(',').append(c).append(",ARRESTED,2024-01-05,2024-01-06,,,S1,,,,,,").append(note)
                    .append('\n');
        }
        HttpResponse<String> answer = importCsv("POISON", csv.toString());
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(answer.body()).get("errors").get(0).get("message").asText())
                .contains("longer than 65536 characters");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE case_ref = ?", Long.class, c)).isZero();
        for (String figure : List.of("/api/v1/funnel", "/api/v1/lags?start=ARRESTED&end=CHARGED",
                "/api/v1/ethnicity", "/api/v1/caseload")) {
            assertThat(get(figure).statusCode()).as(figure).isEqualTo(200);
        }
    }

    @Test
    void figures_refuse_what_cannot_be_asked() throws Exception {
        HttpResponse<String> beyond = get("/api/v1/funnel?position=999999999999");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(beyond.body()).get("parameter").asText()).isEqualTo("position");
        HttpResponse<String> farFuture = get("/api/v1/funnel?asOf=%2B100000-01-01");
        assertThat(farFuture.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(farFuture.body()).get("parameter").asText()).isEqualTo("asOf");
    }

    @Test
    void publications_and_definitions_are_bounded_and_named() throws Exception {
        Map<String, Object> figure = Map.of("figure", "funnel");
        assertThat(parameter(post("/api/v1/publications", Map.of("name", "n".repeat(256), "figures",
                List.of(figure))))).isEqualTo("name");
        assertThat(parameter(post("/api/v1/publications", Map.of("name", "many", "figures",
                Collections.nCopies(51, figure))))).isEqualTo("figures");
        assertThat(parameter(post("/api/v1/publications", "{\"name\": \"nulls\", \"figures\": [null]}")))
                .isEqualTo("figures[0]");
        assertThat(parameter(post("/api/v1/definitions", Map.of("id", "long-label", "version", 1, "label",
                "l".repeat(256))))).isEqualTo("label");
    }

    @Test
    void a_file_sent_as_a_form_is_imported_as_sent() throws Exception {
        String c = CsvFiles.unique("FORM");
        HttpResponse<String> answer = send(api.request("/api/v1/imports?source=FORM-SENT")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(CsvFiles.csv(
                        "1," + c + ",CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,,"))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void an_unreadable_zip_is_a_400_naming_the_body() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("2024-01-metropolitan-street.csv"));
            out.write("Crime ID,Month\n".getBytes());
        }
        byte[] corrupt = zip.toByteArray();
        corrupt = Arrays.copyOf(corrupt, corrupt.length / 2);
        HttpResponse<String> answer = send(api.request("/api/v1/imports/police-uk")
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(corrupt)));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("parameter").asText()).isEqualTo("body");
    }

    @Test
    void any_case_reference_that_can_be_imported_can_be_read_back_by_its_url() throws Exception {
        String unique = CsvFiles.unique("");
        List<String> refs = List.of("=HYPERLINK(\"http://evil.example/x\",\"open\")" + unique, "a/b;c%d?e#f" + unique);
        StringBuilder csv = new StringBuilder(CsvFiles.HEADER).append('\n');
        for (int i = 0; i < refs.size(); i++) {
            csv.append(i).append(",\"").append(refs.get(i).replace("\"", "\"\"")).append("\"")
                    .append(",CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,,\n");
        }
        assertThat(importCsv("ODD-REFS", csv.toString()).statusCode()).isEqualTo(200);
        for (String ref : refs) {
            HttpResponse<String> stream = send(api.request("/api/v1/cases/"
                    + URLEncoder.encode(ref, StandardCharsets.UTF_8).replace("+", "%20") + "/events")
                    .header("Casetrail-Reason", "reading back an odd reference").GET());
            assertThat(stream.statusCode()).as(ref).isEqualTo(200);
            assertThat(stream.body()).contains("CASE_OPENED");
        }
    }

    @Test
    void what_tomcat_refuses_is_a_problem_document_too() throws Exception {
        HttpResponse<String> hugeHeader = send(api.request("/api/v1/funnel")
                .header("X-Padding", "a".repeat(20_000)).GET());
        assertThat(hugeHeader.statusCode()).isEqualTo(400);
        assertThat(hugeHeader.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(hugeHeader.body()).doesNotContain("Tomcat").doesNotContain("<html");
    }

    private String parameter(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        return JSON.readTree(answer.body()).get("parameter").asText();
    }

    private HttpResponse<String> importCsv(String source, String csv) throws Exception {
        return send(api.request("/api/v1/imports?source=" + CsvFiles.unique(source))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(api.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(api.request(path).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return api.send(request.header("Authorization", ApiClient.basic("tester", TestUsers.PASSWORD)));
    }
}
