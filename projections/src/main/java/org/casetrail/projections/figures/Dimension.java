package org.casetrail.projections.figures;

import java.time.LocalDate;
import java.util.Locale;

import org.casetrail.core.reference.PoliceForce;
import org.casetrail.core.reference.ReferenceData;
import org.casetrail.projections.effective.EffectiveCase;

/** What a figure can be grouped by (SEMANTICS 10: group keys). */
public enum Dimension {
    /** The case's force, as its ONS code. */
    FORCE,
    /** The region of the case's force. */
    REGION,
    /** The year of the date the figure says (entry date, event date, start date, reopening date). */
    YEAR,
    /** The case's context code. */
    CONTEXT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    Object value(EffectiveCase c, LocalDate day) {
        return switch (this) {
            case FORCE -> c.forceCode();
            case REGION -> ReferenceData.standard().force(c.forceCode()).map(PoliceForce::region).orElse(null);
            case YEAR -> day.getYear();
            case CONTEXT -> c.context().name();
        };
    }

    public static Dimension parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
