package org.casetrail.api.publications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.LinearRecovery;
import org.casetrail.api.support.TestUsers;
import org.casetrail.projections.disclosure.AnswerProtection;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A publication of a synthetic history by force, read as the public and as each role (SEMANTICS 8): protected the
 * same way in JSON, CSV and XLSX, unprotected for analysts, and proof against solving the families' equations.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationProtectionIT {

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Autowired
    TestRestTemplate http;

    private TestRestTemplate anonymous;
    private String publicationId;

    @BeforeAll
    void publish() {
        anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()));
        String prefix = CsvFiles.unique("PUB");
        CsvFiles.Generated history = CsvFiles.synthetic(11, 600, prefix);
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<String> imported = http.postForEntity("/api/v1/imports?source=" + CsvFiles.unique("SRC"),
                new HttpEntity<>(new org.springframework.core.io.FileSystemResource(history.file()), csv),
                String.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> figures = List.of(
                figure("funnel", Map.of("groupBy", "force")),
                figure("funnel", Map.of("groupBy", "force,year", "unit", "case")),
                figure("period-counts", Map.of("groupBy", "region")),
                figure("lags", Map.of("start", "ARRESTED", "end", "CHARGED", "groupBy", "force")),
                figure("cold-cases", Map.of("groupBy", "force")),
                figure("ethnicity", Map.of("stage", "CHARGED")),
                figure("ethnicity-completeness", Map.of("groupBy", "force")));
        ResponseEntity<Map> published = http.postForEntity("/api/v1/publications",
                Map.of("name", "Protection test", "figures", figures), Map.class);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        publicationId = (String) published.getBody().get("publicationId");
    }

    private static Map<String, Object> figure(String name, Map<String, String> parameters) {
        Map<String, String> withDefinition = new HashMap<>(parameters);
        withDefinition.put("definition", "all-cases");
        return Map.of("figure", name, "parameters", withDefinition);
    }

    @Test
    void the_public_reads_each_figure_protected_exactly_as_the_rule_gives_it() throws Exception {
        JsonNode unprotected = read(http.getForEntity(path(""), String.class));
        JsonNode shown = read(anonymous.getForEntity(path(""), String.class));
        assertThat(unprotected.get("view").asText()).isEqualTo("unprotected");
        assertThat(shown.get("view").asText()).isEqualTo("public");
        int suppressed = 0;
        for (int i = 0; i < unprotected.get("figures").size(); i++) {
            JsonNode answer = unprotected.get("figures").get(i).get("answer");
            JsonNode publicAnswer = shown.get("figures").get(i).get("answer");
            assertThat(publicAnswer).isEqualTo(AnswerProtection.protect(answer));
            for (AnswerProtection.Cell cell : AnswerProtection.analyse(answer).cells()) {
                JsonNode seen = AnswerProtection.figure(publicAnswer, cell.owner().get("figureId").asText())
                        .get(cell.field());
                if (cell.value() >= 1 && cell.value() <= 4) {
                    assertThat(seen.isNull()).as("a count of 1 to 4 is never shown").isTrue();
                }
                if (seen.isNull()) {
                    suppressed++;
                } else {
                    assertThat(seen.asLong()).isEqualTo(cell.value());
                }
            }
        }
        assertThat(suppressed).as("a history by force has small counts to protect").isGreaterThan(10);
        JsonNode analystAsPublic = read(http.getForEntity(path("?view=public"), String.class));
        assertThat(analystAsPublic.get("figures")).isEqualTo(shown.get("figures"));
        assertThat(http.getForEntity(path("?view=everything"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void no_suppressed_count_can_be_worked_out_from_the_shown_counts_and_the_family_sums() throws Exception {
        JsonNode unprotected = read(http.getForEntity(path(""), String.class));
        JsonNode shown = read(anonymous.getForEntity(path(""), String.class));
        List<String> recovered = new ArrayList<>();
        List<String> recoveredWithPrimaryOnly = new ArrayList<>();
        for (int i = 0; i < unprotected.get("figures").size(); i++) {
            JsonNode answer = unprotected.get("figures").get(i).get("answer");
            JsonNode publicAnswer = shown.get("figures").get(i).get("answer");
            recovered.addAll(LinearRecovery.recovered(answer, (cell, index) -> AnswerProtection.figure(publicAnswer,
                    cell.owner().get("figureId").asText()).get(cell.field()).isNull()));
            recoveredWithPrimaryOnly.addAll(LinearRecovery.recovered(answer, (cell, index) ->
                    cell.value() >= 1 && cell.value() <= 4));
        }
        assertThat(recoveredWithPrimaryOnly).as("the attack works on primary suppression alone").isNotEmpty();
        assertThat(recovered).as("and fails on the published tables").isEmpty();
    }

    @Test
    void csv_and_xlsx_show_c_exactly_where_the_json_suppresses_and_explain_it() throws Exception {
        JsonNode shown = read(anonymous.getForEntity(path(""), String.class));
        String csv = anonymous.getForEntity(path("?format=csv"), String.class).getBody();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv)).getRecords();
        int marked = 0;
        for (CSVRecord row : rows) {
            JsonNode figure = AnswerProtection.figure(shown, row.get("figureId"));
            // A lags group's incidences are one field in JSON and a row each by days in a table.
            String field = row.get("measure").startsWith("cumulativeIncidence") ? "cumulativeIncidence"
                    : row.get("measure");
            boolean hidden = figure.path("suppressedFields").toString().contains("\"" + field + "\"");
            assertThat(row.get("value").equals("[c]")).as(row.toString()).isEqualTo(hidden);
            marked += hidden ? 1 : 0;
        }
        assertThat(marked).isGreaterThan(10);
        assertThat(rows).filteredOn(row -> row.get("figure").equals("lags")).extracting(row -> row.get("measure"))
                .contains("cumulativeIncidence30", "cumulativeIncidence90", "cumulativeIncidence180",
                        "cumulativeIncidence365");
        assertThat(rows).filteredOn(row -> row.get("measure").startsWith("cumulativeIncidence"))
                .as("some incidences suppressed, some shown").extracting(row -> row.get("value").equals("[c]"))
                .contains(true, false);
        assertThat(rows).filteredOn(row -> row.get("figure").equals("ethnicity-completeness")).isNotEmpty()
                .as("a group that is itself a cell is named by its key").allMatch(row -> row.get("cell")
                        .contains("force"));

        byte[] xlsx = anonymous.getForEntity(path("?format=xlsx"), byte[].class).getBody();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            long suppressedCells = sheets.get(0).read().stream().skip(1)
                    .filter(row -> "[c]".equals(row.getCellText(4))).count();
            assertThat(suppressedCells).isEqualTo(marked);
            List<Row> notes = sheets.get(1).read();
            assertThat(notes.stream().anyMatch(row -> row.getCellText(0).equals("[c]")
                    && row.getCellText(1).contains("suppressed"))).isTrue();
            assertThat(notes.stream().anyMatch(row -> row.getCellText(0).equals("view")
                    && row.getCellText(1).equals("public"))).isTrue();
        }
    }

    @Test
    void revisions_are_protected_on_both_sides_for_the_public_and_only_auditors_see_moved_by() throws Exception {
        JsonNode publicRevisions = read(anonymous.getForEntity(path("/revisions"), String.class));
        assertThat(publicRevisions.toString()).doesNotContain("movedBy");
        assertThat(publicRevisions.toString()).contains("\"suppressedFields\":[\"then\",\"now\",\"difference\"]");
        JsonNode analystRevisions = read(as("analyst").getForEntity(path("/revisions"), String.class));
        assertThat(analystRevisions.toString()).doesNotContain("movedBy").doesNotContain("suppressed");
        JsonNode auditorRevisions = read(as("auditor").getForEntity(path("/revisions"), String.class));
        assertThat(auditorRevisions.get("figures").get(0).get("cells").get(0).has("movedBy")).isTrue();

        TestRestTemplate auditorWithoutReason = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri(http.getRootUri()).basicAuthentication("auditor", TestUsers.PASSWORD));
        ResponseEntity<String> refused = auditorWithoutReason.getForEntity(path("/revisions"), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(refused).get("parameter").asText()).isEqualTo("reason");
        assertThat(auditorWithoutReason.getForEntity(path("/revisions?view=public"), String.class).getStatusCode())
                .as("the public view reads no case-level data").isEqualTo(HttpStatus.OK);

        String csv = anonymous.getForEntity(path("/revisions?format=csv"), String.class).getBody();
        assertThat(csv.lines().findFirst().orElseThrow()).doesNotContain("movedBy");
        assertThat(csv).contains("[c]");
    }

    @Test
    void an_unknown_publication_is_a_404_for_the_public_too() {
        ResponseEntity<String> missing = anonymous.getForEntity("/api/v1/publications/" + UUID.randomUUID(),
                String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(anonymous.exchange("/api/v1/publications", HttpMethod.POST, new HttpEntity<>(Map.of()),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private TestRestTemplate as(String user) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
                .basicAuthentication(user, TestUsers.PASSWORD).defaultHeader("Casetrail-Reason", TestUsers.REASON));
    }

    private String path(String rest) {
        return "/api/v1/publications/" + publicationId + rest;
    }

    private static JsonNode read(ResponseEntity<String> answer) throws Exception {
        return EXACT.readTree(answer.getBody());
    }

}
