package org.casetrail.core.csv;

import static org.casetrail.core.csv.PipelineColumn.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.casetrail.core.caseledger.events.CaseEvents;
import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Plea;
import org.casetrail.core.pipeline.Sex;
import org.casetrail.core.reference.EthnicityCode;
import org.casetrail.core.reference.ReferenceData;

/**
 * Reads one pipeline row (column values as text) into a typed event, checking every field on its own: required
 * values, codes against the reference lists, dates, ranges. Rules that need the rest of the case's stream live in
 * {@link org.casetrail.core.caseledger.CaseStreamRules}.
 */
public final class PipelineRowMapper {

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
    private static final int MAX_AGE = 120;

    /** Dates outside these years are typing errors, not events. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

    private final ReferenceData reference;
    private final String source;
    private final ImportLimits limits;

    public PipelineRowMapper(ReferenceData reference, String source) {
        this(reference, source, ImportLimits.DEFAULT);
    }

    public PipelineRowMapper(ReferenceData reference, String source, ImportLimits limits) {
        this.reference = reference;
        this.source = source;
        this.limits = limits;
    }

    /** Values are trimmed; an empty value is an empty field. */
    public PipelineRow map(long line, Map<PipelineColumn, String> values) {
        return new RowReading(line, values).read();
    }

    private final class RowReading {
        private final long line;
        private final Map<PipelineColumn, String> values;
        private final List<RowError> errors = new ArrayList<>();
        /** Columns whose value was refused by {@link #fits}: already in error, so not "missing" too. */
        private final Set<PipelineColumn> refused = EnumSet.noneOf(PipelineColumn.class);

        RowReading(long line, Map<PipelineColumn, String> raw) {
            this.line = line;
            this.values = new EnumMap<>(PipelineColumn.class);
            raw.forEach((column, value) -> {
                String trimmed = value == null ? "" : value.strip();
                if (!trimmed.isEmpty()) {
                    if (fits(column, trimmed)) {
                        values.put(column, trimmed);
                    } else {
                        refused.add(column);
                    }
                }
            });
        }

        /**
         * Within its length and free of control characters (a note may hold line breaks and tabs). A value that does
         * not fit is an error and is not kept.
         */
        private boolean fits(PipelineColumn column, String value) {
            int limit = column == NOTE ? limits.noteChars() : limits.fieldChars();
            if (value.length() > limit) {
                error(column, "is " + value.length() + " characters long; at most " + limit);
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean allowedInNote = column == NOTE && (c == '\n' || c == '\r' || c == '\t');
                if ((Character.isISOControl(c) && !allowedInNote) || c == '\uFFFE' || c == '\uFFFF') {
                    error(column, "holds a control character (U+" + String.format("%04X", (int) c) + ") at "
                            + "position " + (i + 1));
                    return false;
                }
            }
            return true;
        }

        PipelineRow read() {
            String rowId = required(SOURCE_ROW_ID);
            String caseRef = required(CASE_REF);
            EventType type = parsed(EVENT_TYPE, EventType::parse, "is not an event type; expected one of "
                    + Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", ")));
            if (type == null && !values.containsKey(EVENT_TYPE) && !refused.contains(EVENT_TYPE)) {
                error(EVENT_TYPE, "is required");
            }
            LocalDate reportedOn = date(REPORTED_ON);
            if (reportedOn == null && !values.containsKey(REPORTED_ON) && !refused.contains(REPORTED_ON)) {
                error(REPORTED_ON, "is required");
            }
            RowFields fields = fields();
            if (type != null) {
                checkRequiredFor(type, fields);
            }
            if (reportedOn != null && fields.occurredOn() != null && reportedOn.isBefore(fields.occurredOn())) {
                error(REPORTED_ON, "is " + reportedOn + ", before occurred_on " + fields.occurredOn());
            }
            if (!errors.isEmpty()) {
                return PipelineRow.invalid(line, caseRef, errors);
            }
            return PipelineRow.valid(line, CaseEvents.create(type, caseRef, reportedOn, new SourceRow(source, rowId),
                    values.get(CORRECTS_ROW_ID), fields));
        }

        private RowFields fields() {
            return RowFields.builder()
                    .occurredOn(date(OCCURRED_ON))
                    .forceCode(code(FORCE_CODE, code -> reference.force(code).isPresent(),
                            "is not an ONS police force area code of reference/police-forces.csv"))
                    .context(parsed(CONTEXT, CaseContext::valueOf, "is not a context; expected one of "
                            + Arrays.toString(CaseContext.values())))
                    .offenceFrom(date(OFFENCE_FROM))
                    .suspectRef(values.get(SUSPECT_REF))
                    .victimRef(values.get(VICTIM_REF))
                    .age(age())
                    .sex(parsed(SEX, Sex::valueOf, "is not a sex code; expected F, M, X or U"))
                    .ethnicity(code(ETHNICITY,
                            code -> reference.ethnicity(code, EthnicityCode.Scheme.SELF_DEFINED).isPresent(),
                            "is not a self-defined ethnicity code (W1 ... O9, NS)"))
                    .officerEthnicity(code(OFFICER_ETHNICITY,
                            code -> reference.ethnicity(code, EthnicityCode.Scheme.OFFICER_DEFINED).isPresent(),
                            "is not an officer-defined ethnicity code (IC1 ... IC6, IC9)"))
                    .nationality(code(NATIONALITY, ISO_COUNTRIES::contains,
                            "is not an ISO 3166-1 alpha-3 country code"))
                    .outcomeType(outcomeType())
                    .operation(values.get(OPERATION))
                    .plea(parsed(PLEA, Plea::valueOf, "is not a plea; expected GUILTY or NOT_GUILTY"))
                    .note(values.get(NOTE))
                    .build();
        }

        private void checkRequiredFor(EventType type, RowFields fields) {
            if (type.requiresOccurredOn()) {
                requirePresent(OCCURRED_ON, type);
            }
            if (type == EventType.CASE_OPENED) {
                requirePresent(FORCE_CODE, type);
            }
            if (type.isSuspectEvent()) {
                requirePresent(SUSPECT_REF, type);
            }
            if (type == EventType.VICTIM_RECORDED) {
                requirePresent(VICTIM_REF, type);
            }
            if (type.requiresOutcomeType()) {
                requirePresent(OUTCOME_TYPE, type);
            }
            if (type.isAmendment()) {
                requirePresent(CORRECTS_ROW_ID, type);
            } else if (values.containsKey(CORRECTS_ROW_ID)) {
                error(CORRECTS_ROW_ID, "is only for CORRECTION and RETRACTION rows, not " + type);
            }
            if (type == EventType.CORRECTION && fields.fillsNothing()) {
                error(null, "a CORRECTION must fill at least one field to replace");
            }
        }

        private void requirePresent(PipelineColumn column, EventType type) {
            if (!values.containsKey(column) && !refused.contains(column)) {
                error(column, "is required on " + type + " rows");
            }
        }

        private String required(PipelineColumn column) {
            String value = values.get(column);
            if (value == null && !refused.contains(column)) {
                error(column, "is required");
            }
            return value;
        }

        private LocalDate date(PipelineColumn column) {
            LocalDate date = parsed(column, LocalDate::parse, "is not an ISO date (YYYY-MM-DD)");
            if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
                error(column, "is " + date + "; a date is in the years " + FIRST_YEAR + " to " + LAST_YEAR);
                return null;
            }
            return date;
        }

        private Integer age() {
            Integer age = parsed(AGE, Integer::valueOf, "is not a whole number of years");
            if (age != null && (age < 0 || age > MAX_AGE)) {
                error(AGE, "is " + age + "; an age is 0 to " + MAX_AGE);
                return null;
            }
            return age;
        }

        private Integer outcomeType() {
            Integer number = parsed(OUTCOME_TYPE, Integer::valueOf, "is not a Home Office outcome type number");
            if (number != null && reference.outcomeType(number).isEmpty()) {
                error(OUTCOME_TYPE, "is " + number + ", not a Home Office outcome type (0-22)");
                return null;
            }
            return number;
        }

        private String code(PipelineColumn column, Predicate<String> known, String problem) {
            String value = values.get(column);
            if (value != null && !known.test(value)) {
                error(column, "'" + value + "' " + problem);
                return null;
            }
            return value;
        }

        private <T> T parsed(PipelineColumn column, Function<String, T> parser, String problem) {
            String value = values.get(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                error(column, "'" + value + "' " + problem);
                return null;
            }
        }

        private void error(PipelineColumn column, String message) {
            errors.add(new RowError(line, column == null ? null : column.header(),
                    column == null ? message : column.header() + " " + message));
        }
    }
}
