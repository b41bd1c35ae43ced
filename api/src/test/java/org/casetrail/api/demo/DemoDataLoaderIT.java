package org.casetrail.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"casetrail.demo.load=true", "casetrail.demo.cases=40"})
class DemoDataLoaderIT {

    @Autowired
    DemoDataLoader loader;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void the_demo_history_is_loaded_after_start_and_a_second_start_adds_nothing() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (appliedRuns() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(appliedRuns()).as("the background load finished").isEqualTo(1);
        long loaded = storedDemoEvents();
        assertThat(loaded).isGreaterThan(40);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT case_ref) FROM ledger_row WHERE source = ?", Long.class,
                DemoDataLoader.SOURCE)).isEqualTo(40);

        ImportReport again = loader.loadNow();

        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(loaded);
        assertThat(storedDemoEvents()).isEqualTo(loaded);

        ResponseEntity<Map<String, Object>> funnel = http.exchange("/api/v1/funnel", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() {
                });
        assertThat(funnel.getBody().get("notice").toString()).contains("SYNTHETIC");
        assertThat(funnel.getHeaders().getFirst("Casetrail-Data-Notice")).contains("SYNTHETIC");

        Instant published = Instant.now().plus(Duration.ofMinutes(1));
        while (demoPublications().size() < 4 && Instant.now().isBefore(published)) {
            Thread.sleep(50);
        }
        assertThat(demoPublications()).as("the public's page is never empty").hasSize(4);
        loader.publishIfMissing();
        assertThat(demoPublications()).as("a second start publishes nothing more").hasSize(4);
        ResponseEntity<String> asPublic = new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()))
                .getForEntity("/api/v1/publications/" + demoPublications().get(0), String.class);
        assertThat(asPublic.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asPublic.getBody()).contains("SYNTHETIC").contains("\"view\":\"public\"");

        Instant replayed = Instant.now().plus(Duration.ofMinutes(1));
        while (readyModels() < 3 && Instant.now().isBefore(replayed)) {
            Thread.sleep(50);
        }
        assertThat(readyModels()).as("the built-in definitions' models are built").isEqualTo(3);
        loader.replayBuiltInDefinitions();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM replay", Long.class)).as("and only once").isEqualTo(3);
        Map<String, Object> current = http.exchange("/api/v1/funnel", HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() {
                }).getBody();
        assertThat(current).containsEntry("computedFrom", "model");
    }

    private long readyModels() {
        return jdbc.queryForObject("SELECT count(*) FROM definition_model WHERE state = 'READY'", Long.class);
    }

    private List<String> demoPublications() {
        return jdbc.queryForList("SELECT id::text FROM publication WHERE name LIKE 'SYNTHETIC demo: %' ORDER BY name",
                String.class);
    }

    private long appliedRuns() {
        return jdbc.queryForObject("SELECT count(*) FROM import_run WHERE source = ? AND state = 'APPLIED'",
                Long.class, DemoDataLoader.SOURCE);
    }

    private long storedDemoEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE source = ?", Long.class,
                DemoDataLoader.SOURCE);
    }
}
