package org.casetrail.api.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.casetrail.api.config.Limits;
import org.casetrail.core.InvalidParameterException;
import org.casetrail.core.csv.ImportLimits;
import org.casetrail.core.csv.PipelineCsvReader;
import org.casetrail.core.csv.PipelineRow;
import org.casetrail.core.reference.ReferenceData;
import org.springframework.stereotype.Service;

/**
 * Imports a pipeline event CSV, the one path for HTTP and the command line: read and stage every row, check the whole
 * file against the store, and only if every row is valid apply it case by case. Importing the same file twice adds
 * nothing; an import killed half way and run again applies each row exactly once (what it had applied is skipped as
 * duplicates).
 */
@Service
public class ImportService {

    public static final int MAX_REPORTED_ERRORS = 10_000;
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final ImportLock lock;
    private final ImportRuns runs;
    private final StagingArea staging;
    private final FileValidator validator;
    private final ImportApplier applier;
    private final ReferenceData reference = ReferenceData.standard();
    private final ImportLimits limits;

    ImportService(ImportLock lock, ImportRuns runs, StagingArea staging, FileValidator validator,
                  ImportApplier applier, Limits limits) {
        this.limits = limits.rows();
        this.lock = lock;
        this.runs = runs;
        this.staging = staging;
        this.validator = validator;
        this.applier = applier;
    }

    public ImportReport importCsv(String source, Path file, ImportProgress progress) {
        checkSource(source);
        try (ImportLock.Held held = lock.acquire()) {
            runs.abandonDeadRuns();
            UUID importId = UUID.randomUUID();
            runs.start(importId, source, file.getFileName().toString());
            try {
                ImportReport report = run(importId, source, file, progress);
                runs.finish(report, report.applied() ? ImportRuns.State.APPLIED : ImportRuns.State.REJECTED);
                return report;
            } catch (RuntimeException | Error e) {
                // An OutOfMemoryError too: the run must not stay RUNNING (its transaction has rolled back).
                runs.fail(importId);
                throw e;
            } finally {
                staging.clear(importId);
            }
        }
    }

    private ImportReport run(UUID importId, String source, Path file, ImportProgress progress) {
        ErrorCollector errors = new ErrorCollector(MAX_REPORTED_ERRORS);
        Staged staged = stage(importId, source, file, errors, progress);
        staging.analyse();
        long rowsRead = staged.rows();
        progress.phase("Checking", staged.rows() - staged.unreadable());
        FileValidator.Outcome checked = validator.validate(importId, source, errors, progress);
        long rejected = staged.unreadable() + checked.rejectedLines();
        if (!errors.isEmpty()) {
            return new ImportReport(importId, source, rowsRead, 0, checked.duplicates(), rejected,
                    errors.inLineOrder(), errors.truncated());
        }
        progress.phase("Applying", staging.count(importId));
        ImportApplier.Outcome applied = applier.apply(importId, progress);
        return new ImportReport(importId, source, rowsRead, applied.appended(),
                checked.duplicates() + applied.duplicates(), 0, errors.inLineOrder(), false);
    }

    private record Staged(long rows, long unreadable) {
    }

    /** Reads every row and stages the readable ones. */
    private Staged stage(UUID importId, String source, Path file, ErrorCollector errors, ImportProgress progress) {
        long rows = 0;
        long unreadable = 0;
        try (InputStream in = new CountingInputStream(Files.newInputStream(file), progress::advanced);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT));
             PipelineCsvReader csv = new PipelineCsvReader(reader, source, reference, limits);
             StagingArea.Writer writer = staging.writer(importId)) {
            progress.phase("Reading", Files.size(file));
            errors.addAll(csv.headerErrors());
            for (Optional<PipelineRow> next = csv.next(); next.isPresent(); next = csv.next()) {
                PipelineRow row = next.get();
                rows++;
                if (row.isValid()) {
                    writer.add(row);
                } else {
                    unreadable++;
                    errors.addAll(row.errors());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Staged(rows, unreadable);
    }

    private static void checkSource(String source) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new InvalidParameterException("source", "source must name the import's origin: 1 to 128 "
                    + "letters, digits, '.', '_', ':' or '-', starting with a letter or digit (e.g. GMP-2024Q4)");
        }
    }
}
