package org.casetrail.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.casetrail.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"casetrail.demo.load=true", "casetrail.demo.cases=40"})
class DemoDataLoaderTest {

    @Autowired
    DemoDataLoader loader;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_demo_history_is_loaded_at_start_and_a_second_start_adds_nothing() throws Exception {
        long loaded = storedDemoEvents();
        assertThat(loaded).isGreaterThan(40);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
                + "WHERE aggregate_identifier LIKE 'DEMO-%'", Long.class)).isEqualTo(40);

        loader.run(new DefaultApplicationArguments());

        assertThat(storedDemoEvents()).isEqualTo(loaded);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_run WHERE source = ? AND state = 'APPLIED'",
                Long.class, DemoDataLoader.SOURCE)).isEqualTo(2);
    }

    private long storedDemoEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_row WHERE source = ?", Long.class,
                DemoDataLoader.SOURCE);
    }
}
