package org.casetrail.core.policeuk;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One data.police.uk file: a street-level file ({@code 2024-01-metropolitan-street.csv}) or an outcomes file
 * ({@code 2024-01-metropolitan-outcomes.csv}). The month in its name is when the data was published.
 */
public record PoliceUkFile(String name, Kind kind, YearMonth month, Content content) {

    public enum Kind { STREET, OUTCOMES }

    /** Opens the file's bytes; may be called more than once. */
    public interface Content {
        InputStream open() throws IOException;
    }

    private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2})-.*-(street|outcomes)\\.csv");

    /** The file, if its name says its month and kind; empty otherwise. */
    public static Optional<PoliceUkFile> of(String name, Content content) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        Matcher matcher = NAME.matcher(base);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PoliceUkFile(base, matcher.group(2).equals("street") ? Kind.STREET : Kind.OUTCOMES,
                    YearMonth.parse(matcher.group(1)), content));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Every event from this file is reported on the last day of its month. */
    public LocalDate reportedOn() {
        return month.atEndOfMonth();
    }
}
