package org.casetrail.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.casetrail.core.caseledger.events.CaseOpened;
import org.casetrail.core.caseledger.events.EventCorrected;
import org.casetrail.core.caseledger.events.SuspectIdentified;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.Sex;
import org.casetrail.core.reference.ReferenceData;
import org.junit.jupiter.api.Test;

class PipelineCsvReaderTest {

    private static final String HEADER = "source_row_id,case_ref,event_type,occurred_on,reported_on,force_code,"
            + "context,suspect_ref,victim_ref,age,sex,ethnicity,officer_ethnicity,nationality,outcome_type,"
            + "corrects_row_id,note\n";

    private record Read(List<RowError> headerErrors, List<PipelineRow> rows) {
    }

    private static Read read(String csv) {
        try (PipelineCsvReader reader = new PipelineCsvReader(new StringReader(csv), "SRC",
                ReferenceData.standard())) {
            List<PipelineRow> rows = new ArrayList<>();
            reader.next().ifPresent(rows::add);
            for (var row = reader.next(); row.isPresent(); row = reader.next()) {
                rows.add(row.get());
            }
            return new Read(reader.headerErrors(), rows);
        }
    }

    @Test
    void reads_typed_events_with_every_field() {
        Read read = read(HEADER
                + "r1,C1,CASE_OPENED,2024-01-02,2024-01-03,E23000005,GROUP_CSE,,,,,,,,,,first\n"
                + "r2,C1,SUSPECT_IDENTIFIED,2024-01-02,2024-01-03,,,S1,,34,M,A2,IC4,GBR,,,\n"
                + "r3,C1,CORRECTION,,2024-02-01,,,,,35,,,,,,r2,\"age was, wrongly, 34\"\n");

        assertThat(read.headerErrors()).isEmpty();
        assertThat(read.rows()).allMatch(PipelineRow::isValid).extracting(PipelineRow::line).containsExactly(2L, 3L, 4L);
        CaseOpened opened = (CaseOpened) read.rows().get(0).event();
        assertThat(opened.forceCode()).isEqualTo("E23000005");
        assertThat(opened.context()).isEqualTo(CaseContext.GROUP_CSE);
        assertThat(opened.source().rowId()).isEqualTo("r1");
        SuspectIdentified suspect = (SuspectIdentified) read.rows().get(1).event();
        assertThat(suspect.suspectRef()).isEqualTo("S1");
        assertThat(suspect.fields().person().sex()).isEqualTo(Sex.M);
        assertThat(suspect.fields().nationality()).isEqualTo("GBR");
        EventCorrected correction = (EventCorrected) read.rows().get(2).event();
        assertThat(correction.correctedRowId()).isEqualTo("r2");
        assertThat(correction.fields().age()).isEqualTo(35);
        assertThat(correction.fields().note()).isEqualTo("age was, wrongly, 34");
    }

    @Test
    void context_defaults_to_unknown_on_a_case_opened() {
        Read read = read(HEADER + "r1,C1,CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,,,,,\n");
        assertThat(((CaseOpened) read.rows().get(0).event()).context()).isEqualTo(CaseContext.UNKNOWN);
    }

    @Test
    void every_field_error_names_its_line_and_column() {
        Read read = read(HEADER
                + ",C1,CASE_OPENED,2024-01-02,2024-01-03,E99,,,,,,,,,,,\n"
                + "r2,C1,ARRESTED,2024-13-02,2024-01-03,,,,,,,,,,,,\n"
                + "r3,C1,BOGUS,2024-01-02,2024-01-01,,,S1,,,,,,,,,\n"
                + "r4,C1,SUSPECT_IDENTIFIED,2024-01-05,2024-01-03,,,S1,,121,Q,ZZ,IC7,XXX,,,\n"
                + "r5,C1,NFA,2024-01-02,2024-01-03,,,S1,,,,,,,23,,\n"
                + "r6,C1,CORRECTION,,2024-01-03,,,,,,,,,,,,\n"
                + "r7,C1,ARRESTED,2024-01-02,2024-01-03,,,S1,,,,,,,,r1,\n"
                + "r8,C1,VICTIM_RECORDED,2024-01-02,,,,,,,,,,,,,\n");

        List<RowError> errors = read.rows().stream().flatMap(row -> row.errors().stream()).toList();
        assertThat(errors).extracting(RowError::line, RowError::column).contains(
                tuple(2L, "source_row_id"), tuple(2L, "force_code"),
                tuple(3L, "occurred_on"), tuple(3L, "suspect_ref"),
                tuple(4L, "event_type"),
                tuple(5L, "reported_on"), tuple(5L, "age"), tuple(5L, "sex"), tuple(5L, "ethnicity"),
                tuple(5L, "officer_ethnicity"), tuple(5L, "nationality"),
                tuple(6L, "outcome_type"),
                tuple(7L, "corrects_row_id"), tuple(7L, null),
                tuple(8L, "corrects_row_id"),
                tuple(9L, "reported_on"), tuple(9L, "victim_ref"));
        assertThat(read.rows()).noneMatch(PipelineRow::isValid);
        assertThat(errors).filteredOn(error -> error.line() == 5 && "reported_on".equals(error.column()))
                .extracting(RowError::message).containsExactly("reported_on is 2024-01-03, before occurred_on 2024-01-05");
    }

    @Test
    void header_problems_are_errors_of_line_one() {
        Read read = read("source_row_id,case_ref,event_type,shoe_size,case_ref\nr1,C1,CASE_OPENED,4,C1\n");
        assertThat(read.headerErrors()).extracting(RowError::line, RowError::column).containsExactlyInAnyOrder(
                tuple(1L, "shoe_size"), tuple(1L, "case_ref"), tuple(1L, "reported_on"));
        assertThat(read.rows()).isEmpty();
    }

    @Test
    void an_empty_file_is_an_error() {
        assertThat(read("").headerErrors()).extracting(RowError::message)
                .containsExactly("the file is empty: a header row is required");
    }

    @Test
    void a_byte_order_mark_and_any_column_order_are_accepted() {
        Read read = read("\uFEFFreported_on,event_type,case_ref,source_row_id,occurred_on,force_code\n"
                + "2024-01-03,CASE_OPENED,C1,r1,2024-01-02,E23000001\n");
        assertThat(read.headerErrors()).isEmpty();
        assertThat(read.rows()).singleElement().matches(PipelineRow::isValid);
    }

    @Test
    void line_numbers_follow_quoted_line_breaks_and_blank_lines() {
        Read read = read(HEADER
                + "r1,C1,CASE_OPENED,2024-01-02,2024-01-03,E23000005,,,,,,,,,,,\"two\nlines\"\n"
                + "\n"
                + "r2,C1,ARRESTED,2024-01-02,2024-01-03,,,,,,,,,,,,\n");
        assertThat(read.rows()).extracting(PipelineRow::line).containsExactly(2L, 5L);
        assertThat(read.rows().get(1).errors()).extracting(RowError::line).containsOnly(5L);
    }

    @Test
    void a_row_with_the_wrong_number_of_values_is_an_error() {
        Read read = read(HEADER + "r1,C1,CASE_OPENED\n");
        assertThat(read.rows()).singleElement().satisfies(row -> assertThat(row.errors())
                .extracting(RowError::message).containsExactly("the row has 3 values but the header has 17 columns"));
    }

    @Test
    void a_malformed_file_ends_with_an_error_at_its_line() {
        Read read = read(HEADER + "r1,C1,\"CASE_OPENED\"x,2024-01-02\n");
        assertThat(read.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2L);
            assertThat(row.errors().get(0).message()).startsWith("malformed CSV");
        });
    }
}
