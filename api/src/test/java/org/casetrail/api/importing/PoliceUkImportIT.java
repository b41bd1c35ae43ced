package org.casetrail.api.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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

@IntegrationTest
class PoliceUkImportIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String STREET_HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context";
    private static final String OUTCOMES_HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
            + "Location,LSOA code,LSOA name,Outcome type";

    @Autowired
    TestRestTemplate http;

    private static String street(String crime) {
        return crime + ",2024-05,West Yorkshire Police,West Yorkshire Police,,,On or near Y,,,Burglary,,";
    }

    private static String outcome(String crime, String label) {
        return crime + ",2024-06,West Yorkshire Police,West Yorkshire Police,,,No location,,," + label;
    }

    private static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private ResponseEntity<Map<String, Object>> post(String query, byte[] body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.exchange("/api/v1/imports/police-uk" + query, HttpMethod.POST, new HttpEntity<>(body, headers),
                JSON);
    }

    @Test
    void a_zip_is_imported_once_however_often_it_is_sent() throws Exception {
        String crime = "c" + UUID.randomUUID().toString().replace("-", "");
        String source = "PUK-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] archive = zip(Map.of(
                "2024-06/2024-06-west-yorkshire-outcomes.csv", String.join("\n", OUTCOMES_HEADER,
                        outcome(crime, "Suspect charged"), outcome("orphan-" + crime, "Offender fined")),
                "2024-05/2024-05-west-yorkshire-street.csv", String.join("\n", STREET_HEADER, street(crime),
                        street(crime), street(""))));

        ResponseEntity<Map<String, Object>> first = post("?source=" + source, archive, MediaType.valueOf("application/zip"));
        ResponseEntity<Map<String, Object>> again = post("?source=" + source, archive, MediaType.valueOf("application/zip"));

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("crimes", 1).containsEntry("outcomes", 1)
                .containsEntry("accepted", 2).containsEntry("duplicates", 1).containsEntry("withoutCrimeId", 1)
                .containsEntry("rejected", 0).containsEntry("errors", List.of());
        assertThat((List<?>) first.getBody().get("orphans")).singleElement().isEqualTo(Map.of(
                "crime", "orphan-" + crime, "file", "2024-06-west-yorkshire-outcomes.csv", "line", 3));
        assertThat(again.getBody()).containsEntry("crimes", 0).containsEntry("outcomes", 0)
                .containsEntry("accepted", 0).containsEntry("duplicates", 3);
        List<Map<String, Object>> events = http.exchange("/api/v1/cases/PUK-" + crime + "/events", HttpMethod.GET,
                null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).getBody();
        assertThat(events).extracting(event -> event.get("type") + " " + event.get("occurredOn") + " "
                + event.get("reportedOn")).containsExactly("CASE_OPENED 2024-05-01 2024-05-31",
                "CHARGED 2024-06-01 2024-06-30");
    }

    @Test
    void one_csv_is_named_by_a_parameter_and_a_nameless_one_is_refused() {
        String crime = "s" + UUID.randomUUID().toString().replace("-", "");
        byte[] csv = String.join("\n", STREET_HEADER, street(crime)).getBytes(StandardCharsets.UTF_8);

        ResponseEntity<Map<String, Object>> named = post("?file=2024-05-west-yorkshire-street.csv", csv,
                MediaType.valueOf("text/csv"));
        ResponseEntity<Map<String, Object>> nameless = post("", csv, MediaType.valueOf("text/csv"));
        ResponseEntity<Map<String, Object>> misnamed = post("?file=burglary.csv", csv, MediaType.valueOf("text/csv"));

        assertThat(named.getBody()).containsEntry("crimes", 1).containsEntry("source", "POLICE-UK");
        assertThat(nameless.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nameless.getBody()).containsEntry("parameter", "file");
        assertThat(misnamed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(misnamed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(misnamed.getBody()).containsEntry("status", 422).containsEntry("rejected", 0);
        assertThat((List<?>) misnamed.getBody().get("errors")).singleElement().satisfies(error ->
                assertThat(((Map<?, ?>) error).get("file")).isEqualTo("burglary.csv"));
    }

    @Test
    void rows_at_fault_are_a_problem_document_naming_each_file_line_and_column_and_nothing_is_applied() {
        String crime = "b" + UUID.randomUUID().toString().replace("-", "");
        String badMonth = crime + "x,2024-13,West Yorkshire Police,West Yorkshire Police,,,On or near Y,,,Burglary,,";
        String badMonthAndForce = crime + "y,2024-00,Atlantis Police,Atlantis Police,,,On or near Y,,,Burglary,,";
        byte[] csv = String.join("\n", STREET_HEADER, street(crime), badMonth, badMonthAndForce)
                .getBytes(StandardCharsets.UTF_8);

        ResponseEntity<Map<String, Object>> answer = post("?file=2024-05-west-yorkshire-street.csv", csv,
                MediaType.valueOf("text/csv"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).as("two rows, three errors").containsEntry("status", 422)
                .containsEntry("rejected", 2)
                .containsEntry("crimes", 0).containsEntry("accepted", 0);
        assertThat(answer.getBody().get("type").toString()).endsWith("invalid-import");
        assertThat((List<?>) answer.getBody().get("errors")).extracting(error -> ((Map<?, ?>) error).get("file")
                + ":" + ((Map<?, ?>) error).get("line") + ":" + ((Map<?, ?>) error).get("column"))
                .containsExactlyInAnyOrder("2024-05-west-yorkshire-street.csv:3:Month",
                        "2024-05-west-yorkshire-street.csv:4:Month", "2024-05-west-yorkshire-street.csv:4:Reported by");
        assertThat(http.getForEntity("/api/v1/cases/PUK-" + crime + "/events", String.class).getStatusCode())
                .as("nothing from the file was applied").isEqualTo(HttpStatus.NOT_FOUND);
    }
}
