package org.casetrail.core.caseledger.events;

import java.time.LocalDate;
import java.util.StringJoiner;

import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.Plea;
import org.casetrail.core.pipeline.Sex;

/**
 * The data fields of one pipeline row, flat, any of them empty (null). A typed event exposes its fields this way so
 * that a correction can replace some of them and the figure engine can read every event alike.
 */
public record RowFields(LocalDate occurredOn, String forceCode, CaseContext context, LocalDate offenceFrom,
                        String suspectRef, String victimRef, Integer age, Sex sex, String ethnicity,
                        String officerEthnicity, String nationality, Integer outcomeType, String operation, Plea plea,
                        String note) {

    public static final RowFields EMPTY = builder().build();

    /** These fields with every field the correction fills replaced; empty fields of the correction change nothing. */
    public RowFields correctedBy(RowFields correction) {
        return new RowFields(
                pick(correction.occurredOn, occurredOn), pick(correction.forceCode, forceCode),
                pick(correction.context, context), pick(correction.offenceFrom, offenceFrom),
                pick(correction.suspectRef, suspectRef), pick(correction.victimRef, victimRef),
                pick(correction.age, age), pick(correction.sex, sex), pick(correction.ethnicity, ethnicity),
                pick(correction.officerEthnicity, officerEthnicity), pick(correction.nationality, nationality),
                pick(correction.outcomeType, outcomeType), pick(correction.operation, operation),
                pick(correction.plea, plea), pick(correction.note, note));
    }

    public boolean fillsNothing() {
        return equals(EMPTY);
    }

    public PersonAttributes person() {
        return new PersonAttributes(age, sex, ethnicity, officerEthnicity);
    }

    /** A stable text form of every field, used to tell a re-sent row from a changed one. */
    String canonical() {
        StringJoiner joiner = new StringJoiner("|");
        for (Object value : new Object[]{occurredOn, forceCode, context, offenceFrom, suspectRef, victimRef, age, sex,
                ethnicity, officerEthnicity, nationality, outcomeType, operation, plea, note}) {
            joiner.add(value == null ? "" : value.toString().replace("\\", "\\\\").replace("|", "\\|"));
        }
        return joiner.toString();
    }

    private static <T> T pick(T replacement, T original) {
        return replacement != null ? replacement : original;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private LocalDate occurredOn;
        private String forceCode;
        private CaseContext context;
        private LocalDate offenceFrom;
        private String suspectRef;
        private String victimRef;
        private Integer age;
        private Sex sex;
        private String ethnicity;
        private String officerEthnicity;
        private String nationality;
        private Integer outcomeType;
        private String operation;
        private Plea plea;
        private String note;

        private Builder() {
        }

        public Builder occurredOn(LocalDate value) { occurredOn = value; return this; }
        public Builder forceCode(String value) { forceCode = value; return this; }
        public Builder context(CaseContext value) { context = value; return this; }
        public Builder offenceFrom(LocalDate value) { offenceFrom = value; return this; }
        public Builder suspectRef(String value) { suspectRef = value; return this; }
        public Builder victimRef(String value) { victimRef = value; return this; }
        public Builder age(Integer value) { age = value; return this; }
        public Builder sex(Sex value) { sex = value; return this; }
        public Builder ethnicity(String value) { ethnicity = value; return this; }
        public Builder officerEthnicity(String value) { officerEthnicity = value; return this; }
        public Builder nationality(String value) { nationality = value; return this; }
        public Builder outcomeType(Integer value) { outcomeType = value; return this; }
        public Builder operation(String value) { operation = value; return this; }
        public Builder plea(Plea value) { plea = value; return this; }
        public Builder note(String value) { note = value; return this; }

        public Builder person(PersonAttributes person) {
            if (person != null) {
                age = person.age();
                sex = person.sex();
                ethnicity = person.ethnicity();
                officerEthnicity = person.officerEthnicity();
            }
            return this;
        }

        public RowFields build() {
            return new RowFields(occurredOn, forceCode, context, offenceFrom, suspectRef, victimRef, age, sex,
                    ethnicity, officerEthnicity, nationality, outcomeType, operation, plea, note);
        }
    }
}
