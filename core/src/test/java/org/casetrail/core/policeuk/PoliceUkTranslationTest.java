package org.casetrail.core.policeuk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.csv.PipelineCsvReader;
import org.casetrail.core.csv.PipelineRow;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.reference.PoliceUkOutcome;
import org.casetrail.core.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class PoliceUkTranslationTest {

    private static final String STREET_HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context";
    private static final String OUTCOMES_HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
            + "Location,LSOA code,LSOA name,Outcome type";
    private static final ReferenceData REFERENCE = ReferenceData.standard();

    /** A store holding the given row ids and opened cases. */
    private record FakeStore(Set<String> rows, Set<String> cases) implements PoliceUkTranslation.Store {
        @Override
        public Set<String> storedRows(Collection<String> rowIds) {
            Set<String> found = new HashSet<>(rowIds);
            found.retainAll(rows);
            return found;
        }

        @Override
        public Set<String> openedCases(Collection<String> caseRefs) {
            Set<String> found = new HashSet<>(caseRefs);
            found.retainAll(cases);
            return found;
        }
    }

    private static PoliceUkFile file(String name, String content) {
        return PoliceUkFile.of(name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                .orElseThrow();
    }

    private static String street(String crime, String month) {
        return crime + "," + month + ",Greater Manchester Police,Greater Manchester Police,-2.2,53.4,On or near X,"
                + "E01000001,Manchester 001A,Burglary,Under investigation,";
    }

    private static String outcome(String crime, String month, String label) {
        return crime + "," + month + ",Greater Manchester Police,Greater Manchester Police,,,No location,,,\""
                + label + "\"";
    }

    private record Translated(PoliceUkTranslation.Result result, List<CaseEvent> events) {
    }

    private static Translated translate(List<PoliceUkFile> files, FakeStore store) {
        StringWriter out = new StringWriter();
        PoliceUkTranslation.Result result = new PoliceUkTranslation(REFERENCE, store).translate(files, out);
        List<CaseEvent> events = new ArrayList<>();
        try (PipelineCsvReader reader = new PipelineCsvReader(new StringReader(out.toString()), "POLICE-UK",
                REFERENCE)) {
            assertThat(reader.headerErrors()).isEmpty();
            for (Optional<PipelineRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                assertThat(row.get().errors()).as("translated rows are valid pipeline rows").isEmpty();
                events.add(row.get().event());
            }
        }
        return new Translated(result, events);
    }

    @Test
    void every_outcome_label_maps_to_its_event_or_to_a_status_note() {
        List<String> streets = new ArrayList<>(List.of(STREET_HEADER));
        List<String> outcomes = new ArrayList<>(List.of(OUTCOMES_HEADER));
        List<PoliceUkOutcome> labels = new ArrayList<>(REFERENCE.policeUkOutcomes());
        for (int i = 0; i < labels.size(); i++) {
            streets.add(street("crime" + i, "2024-03"));
            outcomes.add(outcome("crime" + i, "2024-04", labels.get(i).label()));
        }
        Translated translated = translate(List.of(
                file("2024-04-greater-manchester-outcomes.csv", String.join("\n", outcomes)),
                file("2024-03-greater-manchester-street.csv", String.join("\n", streets))),
                new FakeStore(Set.of(), Set.of()));

        long notes = labels.stream().filter(label -> label.pipelineEvent().isEmpty()).count();
        assertThat(translated.result().crimes()).isEqualTo(labels.size());
        assertThat(translated.result().outcomes()).isEqualTo(labels.size() - notes);
        assertThat(translated.result().statusNotes()).hasSize((int) notes);
        for (int i = 0; i < labels.size(); i++) {
            PoliceUkOutcome label = labels.get(i);
            String caseRef = "PUK-crime" + i;
            List<CaseEvent> ofCase = translated.events().stream().filter(event -> event.caseRef().equals(caseRef))
                    .toList();
            assertThat(ofCase.get(0).type()).as("opened first, whatever the file order").isEqualTo(EventType.CASE_OPENED);
            assertThat(ofCase.get(0).fields().forceCode()).isEqualTo("E23000005");
            assertThat(ofCase.get(0).occurredOn()).hasToString("2024-03-01");
            assertThat(ofCase.get(0).reportedOn()).hasToString("2024-03-31");
            if (label.pipelineEvent().isEmpty()) {
                assertThat(ofCase).as(label.label()).hasSize(1);
                continue;
            }
            CaseEvent event = ofCase.get(1);
            assertThat(event.type()).as(label.label()).isEqualTo(label.pipelineEvent().get());
            assertThat(event.occurredOn()).hasToString("2024-04-01");
            assertThat(event.reportedOn()).hasToString("2024-04-30");
            assertThat(event.fields().outcomeType()).isEqualTo(label.outcomeType().orElse(null));
            assertThat(event.fields().suspectRef()).isEqualTo(event.type().isSuspectEvent() ? "S" : null);
        }
    }

    @Test
    void duplicates_missing_crime_ids_orphans_and_rows_already_stored_are_counted_not_written() {
        String streets = String.join("\n", STREET_HEADER, street("a", "2024-01"), street("a", "2024-01"),
                street("", "2024-01"), street("b", "2024-01"), street("stored", "2024-01"));
        String outcomes = String.join("\n", OUTCOMES_HEADER,
                outcome("a", "2024-01", "Suspect charged"), outcome("a", "2024-01", "Suspect charged"),
                outcome("", "2024-01", "Suspect charged"),
                outcome("nowhere", "2024-01", "Offender fined"),
                outcome("earlier", "2024-01", "Defendant found not guilty"),
                outcome("b", "2024-01", "Under investigation"));
        Translated translated = translate(List.of(file("2024-01-gmp-street.csv", streets),
                        file("2024-01-gmp-outcomes.csv", outcomes)),
                new FakeStore(Set.of("stored/opened"), Set.of("PUK-earlier")));

        PoliceUkTranslation.Result result = translated.result();
        assertThat(result.crimes()).as("a and b; 'stored' is already in the store").isEqualTo(2);
        assertThat(result.outcomes()).as("a's charge; 'earlier' was opened by an earlier import").isEqualTo(2);
        assertThat(result.duplicates()).as("a's repeated street row, its repeated outcome, 'stored'").isEqualTo(3);
        assertThat(result.withoutCrimeId()).isEqualTo(2);
        assertThat(result.orphans()).extracting(PoliceUkTranslation.Orphan::crime, PoliceUkTranslation.Orphan::file,
                PoliceUkTranslation.Orphan::line).containsExactly(tuple("nowhere", "2024-01-gmp-outcomes.csv", 5L));
        assertThat(result.statusNotes()).extracting(PoliceUkTranslation.StatusNote::crime).containsExactly("b");
        assertThat(result.problems()).isEmpty();
        assertThat(translated.events()).extracting(CaseEvent::caseRef, CaseEvent::type).containsExactly(
                tuple("PUK-a", EventType.CASE_OPENED), tuple("PUK-b", EventType.CASE_OPENED),
                tuple("PUK-a", EventType.CHARGED), tuple("PUK-earlier", EventType.ACQUITTED));
    }

    @Test
    void an_unknown_label_or_force_is_a_problem_naming_the_file_line_and_column() {
        String streets = String.join("\n", STREET_HEADER, street("a", "2024-01").replace(
                "Greater Manchester Police,Greater", "Atlantis Police,Greater"));
        String outcomes = String.join("\n", OUTCOMES_HEADER, outcome("a", "2024-01", "Abducted by aliens"));
        PoliceUkTranslation.Result result = new PoliceUkTranslation(REFERENCE, new FakeStore(Set.of(), Set.of()))
                .translate(List.of(file("2024-01-x-street.csv", streets), file("2024-01-x-outcomes.csv", outcomes)),
                        new StringWriter());

        assertThat(result.problems()).extracting(PoliceUkTranslation.Problem::file, PoliceUkTranslation.Problem::line,
                PoliceUkTranslation.Problem::column).containsExactly(tuple("2024-01-x-street.csv", 2L, "Reported by"),
                tuple("2024-01-x-outcomes.csv", 2L, "Outcome type"));
    }

    @Test
    void a_file_name_says_its_month_and_kind() {
        assertThat(PoliceUkFile.of("2024-02/2024-02-metropolitan-outcomes.csv", () -> null)).hasValueSatisfying(
                file -> {
                    assertThat(file.kind()).isEqualTo(PoliceUkFile.Kind.OUTCOMES);
                    assertThat(file.reportedOn()).hasToString("2024-02-29");
                });
        assertThat(PoliceUkFile.of("burglary.csv", () -> null)).isEmpty();
    }
}
