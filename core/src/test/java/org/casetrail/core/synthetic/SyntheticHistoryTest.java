package org.casetrail.core.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.casetrail.core.caseledger.CaseStreamRules;
import org.casetrail.core.caseledger.StreamFact;
import org.casetrail.core.csv.PipelineCsvReader;
import org.casetrail.core.csv.PipelineRow;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class SyntheticHistoryTest {

    private static String generate(long seed, int cases) {
        StringWriter out = new StringWriter();
        new SyntheticHistory(seed, cases, "SYN").write(out);
        return out.toString();
    }

    @Test
    void the_same_seed_gives_the_same_file_and_another_seed_another() {
        assertThat(generate(7, 300)).isEqualTo(generate(7, 300)).isNotEqualTo(generate(8, 300));
    }

    @Test
    void every_row_is_valid_and_keeps_every_stream_rule() {
        String csv = generate(42, 2_000);
        Map<String, CaseStreamRules> cases = new HashMap<>();
        Map<EventType, Integer> types = new HashMap<>();
        try (PipelineCsvReader reader = new PipelineCsvReader(new StringReader(csv), "SYN", ReferenceData.standard())) {
            assertThat(reader.headerErrors()).isEmpty();
            for (Optional<PipelineRow> next = reader.next(); next.isPresent(); next = reader.next()) {
                PipelineRow row = next.get();
                assertThat(row.errors()).as("line %d", row.line()).isEmpty();
                CaseStreamRules rules = cases.computeIfAbsent(row.caseRef(), CaseStreamRules::new);
                StreamFact fact = StreamFact.of(row.event());
                assertThat(rules.judge(fact).kind()).as("line %d", row.line())
                        .isEqualTo(CaseStreamRules.Verdict.Kind.ACCEPT);
                rules.record(fact);
                types.merge(row.event().type(), 1, Integer::sum);
                assertThat(row.event().reportedOn()).isBeforeOrEqualTo(SyntheticHistory.HORIZON);
            }
        }
        assertThat(cases).hasSize(2_000);
        assertThat(types.keySet()).as("every event type occurs").containsExactlyInAnyOrder(EventType.values());
    }
}
