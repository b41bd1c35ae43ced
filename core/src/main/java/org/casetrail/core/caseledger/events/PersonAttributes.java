package org.casetrail.core.caseledger.events;

import org.casetrail.core.pipeline.Sex;

/** What is known of a suspect or victim: never a name, address or date of birth. Any part may be unknown (null). */
public record PersonAttributes(Integer age, Sex sex, String ethnicity, String officerEthnicity) {
}
