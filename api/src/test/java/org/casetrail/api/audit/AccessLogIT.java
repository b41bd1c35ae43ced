package org.casetrail.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.OwnDatabase;
import org.casetrail.api.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access log on a database of its own (its chain is tampered with here): what is recorded, with whom, why and
 * from where; and verify naming the first entry that was updated, deleted or swapped.
 */
@IntegrationTest
@OwnDatabase("audit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private String caseRef;

    @BeforeAll
    void importOneCase() {
        caseRef = CsvFiles.unique("LOG");
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        String body = CsvFiles.csv("1," + caseRef + ",CASE_OPENED,2024-01-10,2024-01-10,E23000001,GROUP_CSE,,,,,,,",
                "2," + caseRef + ",SUSPECT_IDENTIFIED,2024-01-10,2024-01-10,,,S1,,30,,,,",
                "3," + caseRef + ",ARRESTED,2024-02-01,2024-02-01,,,S1,,,,,,");
        assertThat(http.postForEntity("/api/v1/imports?source=" + CsvFiles.unique("SRC"), new HttpEntity<>(body, csv),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_case_read_is_recorded_with_who_why_what_and_where_before_the_answer_arrives() throws Exception {
        ResponseEntity<String> read = as("auditor", "checking the arrest date")
                .getForEntity("/api/v1/cases/" + caseRef + "/events", String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> entry = last();
        assertThat(entry).containsEntry("action", "CASE_READ").containsEntry("principal", "auditor")
                .containsEntry("reason", "checking the arrest date").containsEntry("address", "127.0.0.1")
                .containsEntry("status", 200).containsEntry("resource", caseRef)
                .containsEntry("path", "/api/v1/cases/" + caseRef + "/events");
        assertThat(entry.get("case_refs").toString()).contains(caseRef);
    }

    @Test
    void a_read_without_a_reason_is_refused_with_400_and_recorded() throws Exception {
        ResponseEntity<String> refused = as("auditor", null)
                .getForEntity("/api/v1/cases/" + caseRef + "/events", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(refused.getBody()).get("parameter").asText()).isEqualTo("reason");
        assertThat(last()).containsEntry("action", "REFUSED").containsEntry("status", 400)
                .containsEntry("principal", "auditor");
        assertThat(as("auditor", null).getForEntity("/api/v1/cases/" + caseRef + "/events?reason=audit+sample",
                String.class).getStatusCode()).as("the reason as a parameter").isEqualTo(HttpStatus.OK);
        assertThat(last()).containsEntry("reason", "audit sample");
    }

    @Test
    void a_trace_is_recorded_with_every_case_it_discloses() throws Exception {
        JsonNode funnel = JSON.readTree(as("analyst", null)
                .getForEntity("/api/v1/funnel?force=E23000001", String.class).getBody());
        String figureId = funnel.get("groups").get(0).get("stages").get(0).get("figureId").asText();
        assertThat(as("auditor", "sample check").getForEntity("/api/v1/figures/" + figureId + "/trace",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> entry = last();
        assertThat(entry).containsEntry("action", "TRACE_READ").containsEntry("resource", figureId);
        assertThat(entry.get("case_refs").toString()).contains(caseRef);
    }

    @Test
    void refusals_and_failed_sign_ins_are_recorded() {
        TestRestTemplate anonymous = new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()));
        assertThat(anonymous.getForEntity("/api/v1/funnel", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(last()).containsEntry("action", "REFUSED").containsEntry("status", 401)
                .containsEntry("principal", null);
        assertThat(as("analyst", "curious").getForEntity("/api/v1/cases/" + caseRef + "/events", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(last()).containsEntry("action", "REFUSED").containsEntry("status", 403)
                .containsEntry("principal", "analyst");
        TestRestTemplate wrong = new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
                .basicAuthentication("mallory", "guess"));
        assertThat(wrong.getForEntity("/api/v1/funnel", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(last()).containsEntry("action", "SIGN_IN_FAILED").containsEntry("principal", "mallory");
    }

    @Test
    void the_log_is_read_with_filters_and_every_read_of_it_is_recorded() throws Exception {
        as("auditor", "filter check").getForEntity("/api/v1/cases/" + caseRef + "/events", String.class);
        JsonNode byCase = JSON.readTree(as("auditor", "review").getForEntity("/api/v1/audit?caseRef=" + caseRef
                + "&user=auditor", String.class).getBody());
        assertThat(byCase.get("entries").size()).isGreaterThan(0);
        byCase.get("entries").forEach(entry -> {
            assertThat(entry.get("principal").asText()).isEqualTo("auditor");
            assertThat(entry.get("caseRefs").toString()).contains(caseRef);
        });
        assertThat(last()).containsEntry("action", "AUDIT_READ");
        JsonNode none = JSON.readTree(as("auditor", "review")
                .getForEntity("/api/v1/audit?from=2001-01-01&to=2001-12-31", String.class).getBody());
        assertThat(none.get("entries").size()).isZero();
        assertThat(as("auditor", "x").getForEntity("/api/v1/audit?limit=0", String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("analyst", "x").getForEntity("/api/v1/audit", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void the_table_refuses_updates_and_deletes() {
        assertThatThrownBy(() -> jdbc.update("UPDATE access_log SET reason = 'changed'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM access_log")).hasMessageContaining("append-only");
    }

    @Test
    void verify_names_the_first_entry_updated_deleted_or_swapped() throws Exception {
        for (int i = 0; i < 4; i++) {
            as("auditor", "reading " + i).getForEntity("/api/v1/cases/" + caseRef + "/events", String.class);
        }
        assertThat(verify().get("intact").asBoolean()).isTrue();
        long target = jdbc.queryForObject("SELECT max(seq) - 2 FROM access_log", Long.class);

        Map<String, Object> original = jdbc.queryForMap("SELECT * FROM access_log WHERE seq = ?", target);
        bypassingTheTrigger(() -> jdbc.update("UPDATE access_log SET reason = 'nothing to see' WHERE seq = ?",
                target));
        assertBrokenAt(target, "altered");
        bypassingTheTrigger(() -> jdbc.update("UPDATE access_log SET reason = ? WHERE seq = ?",
                original.get("reason"), target));
        assertThat(verify().get("intact").asBoolean()).isTrue();

        jdbc.execute("CREATE TABLE deleted_entry AS SELECT * FROM access_log WHERE seq = " + target);
        bypassingTheTrigger(() -> jdbc.update("DELETE FROM access_log WHERE seq = ?", target));
        assertBrokenAt(target + 1, "missing");
        jdbc.execute("INSERT INTO access_log SELECT * FROM deleted_entry");
        jdbc.execute("DROP TABLE deleted_entry");
        assertThat(verify().get("intact").asBoolean()).as("restored").isTrue();

        // Swap every column but seq between two entries: the first of them no longer matches its hash.
        String columns = "principal, roles, action, method, path, query, resource, case_refs, reason, address, "
                + "status, at, prev_hash, hash";
        bypassingTheTrigger(() -> jdbc.update("UPDATE access_log a SET (" + columns + ") = (SELECT " + columns
                + " FROM access_log b WHERE b.seq = CASE a.seq WHEN ? THEN ? ELSE ? END) WHERE a.seq IN (?, ?)",
                target, target + 1, target, target, target + 1));
        assertBrokenAt(target, "link");
    }

    private void assertBrokenAt(long seq, String problem) throws Exception {
        JsonNode verification = verify();
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(seq);
        assertThat(verification.get("problem").asText()).contains(problem);
    }

    private JsonNode verify() throws Exception {
        return JSON.readTree(as("auditor", "verify").getForEntity("/api/v1/audit/verify", String.class).getBody());
    }

    private void bypassingTheTrigger(Runnable change) {
        jdbc.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
        try {
            change.run();
        } finally {
            jdbc.execute("ALTER TABLE access_log ENABLE TRIGGER USER");
        }
    }

    private Map<String, Object> last() {
        return jdbc.queryForMap("SELECT * FROM access_log ORDER BY seq DESC LIMIT 1");
    }

    private TestRestTemplate as(String user, String reason) {
        RestTemplateBuilder builder = new RestTemplateBuilder().rootUri(http.getRootUri())
                .basicAuthentication(user, TestUsers.PASSWORD);
        return new TestRestTemplate(reason == null ? builder : builder.defaultHeader("Casetrail-Reason", reason));
    }
}
