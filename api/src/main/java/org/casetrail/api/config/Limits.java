package org.casetrail.api.config;

import org.casetrail.core.csv.ImportLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code casetrail.limits.*}: every bound on what a caller sends, in one place. Request bodies (imports stream to disk,
 * so theirs is not a memory limit), a row and its fields, the rows of one case, a zip's entries and inflated size,
 * the figures of one publication, and how many figures are computed from the ledger at once.
 */
@ConfigurationProperties("casetrail.limits")
public record Limits(@DefaultValue("1GB") DataSize importBytes, @DefaultValue("1MB") DataSize bodyBytes,
                     @DefaultValue("255") int fieldChars, @DefaultValue("2000") int noteChars,
                     @DefaultValue("65536") int rowChars, @DefaultValue("10000") int rowsPerCase,
                     @DefaultValue("1000") int zipEntries, @DefaultValue("4GB") DataSize zipInflatedBytes,
                     @DefaultValue("50") int figuresPerPublication, @DefaultValue("4") int concurrentFigures) {

    /** What the CSV reader checks of each row. */
    public ImportLimits rows() {
        return new ImportLimits(fieldChars, noteChars, rowChars);
    }
}
