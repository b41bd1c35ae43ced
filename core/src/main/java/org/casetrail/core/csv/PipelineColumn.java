package org.casetrail.core.csv;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The columns of the pipeline event CSV (SEMANTICS section 3). */
public enum PipelineColumn {
    SOURCE_ROW_ID,
    CASE_REF,
    EVENT_TYPE,
    OCCURRED_ON,
    REPORTED_ON,
    FORCE_CODE,
    CONTEXT,
    OFFENCE_FROM,
    SUSPECT_REF,
    VICTIM_REF,
    AGE,
    SEX,
    ETHNICITY,
    OFFICER_ETHNICITY,
    NATIONALITY,
    OUTCOME_TYPE,
    OPERATION,
    PLEA,
    CORRECTS_ROW_ID,
    NOTE;

    private static final Map<String, PipelineColumn> BY_HEADER = Arrays.stream(values())
            .collect(Collectors.toMap(PipelineColumn::header, Function.identity()));

    /** The name the column has in a file's header row. */
    public String header() {
        return name().toLowerCase();
    }

    public static Optional<PipelineColumn> fromHeader(String header) {
        return Optional.ofNullable(BY_HEADER.get(header));
    }
}
