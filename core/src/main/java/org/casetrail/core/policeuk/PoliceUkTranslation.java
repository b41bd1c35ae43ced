package org.casetrail.core.policeuk;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.casetrail.core.csv.PipelineColumn;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.reference.PoliceForce;
import org.casetrail.core.reference.PoliceUkOutcome;
import org.casetrail.core.reference.ReferenceData;

/**
 * SEMANTICS section 9: turns data.police.uk files into pipeline event rows. Each crime of a street file opens a case
 * ({@code CASE_OPENED} on the first day of its month, its force from {@code Reported by}, context UNKNOWN); each
 * distinct (crime, month, outcome) of an outcomes file is one event of the type {@code reference/police-uk-outcomes.csv}
 * gives, on the first day of its month, for the single suspect {@code S}. Everything is reported on the last day of
 * the file's month. Street files are read before outcomes files whatever their order.
 * <p>
 * Row ids are deterministic ({@code crime/opened}, {@code crime/month/outcome-code}), so an archive read again makes
 * the same rows; a row already stored counts as a duplicate. An outcome whose crime is neither stored nor opened by the
 * same import is an orphan, listed and not imported.
 */
public final class PoliceUkTranslation {

    public static final String CASE_PREFIX = "PUK-";
    public static final String SUSPECT = "S";

    /** What the store already holds, asked in batches. */
    public interface Store {
        /** Those of these row ids that the source already has. */
        Set<String> storedRows(Collection<String> rowIds);

        /** Those of these case refs already opened in the store. */
        Set<String> openedCases(Collection<String> caseRefs);
    }

    public record Orphan(String crime, String file, long line) {
    }

    public record StatusNote(String crime, String month, String label, String file, long line) {
    }

    public record Problem(String file, long line, String column, String message) {
    }

    /** What reading the archive found, beside the rows it wrote. */
    public record Result(long crimes, long outcomes, long duplicates, long withoutCrimeId, List<StatusNote> statusNotes,
                         List<Orphan> orphans, List<Problem> problems) {
    }

    private final ReferenceData reference;
    private final Store store;

    public PoliceUkTranslation(ReferenceData reference, Store store) {
        this.reference = reference;
        this.store = store;
    }

    /** Writes the pipeline rows of the files (with a header) and says what it found. */
    public Result translate(List<PoliceUkFile> files, Writer out) {
        Run run = new Run(out);
        List<PoliceUkFile> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.comparing(PoliceUkFile::kind).thenComparing(PoliceUkFile::name));
        for (PoliceUkFile file : ordered) {
            if (file.kind() == PoliceUkFile.Kind.STREET) {
                run.street(file);
            } else {
                run.outcomes(file);
            }
        }
        run.flush();
        return new Result(run.crimes, run.outcomes, run.duplicates, run.withoutCrimeId, run.statusNotes, run.orphans,
                run.problems);
    }

    private final class Run {
        private final CSVPrinter printer;
        private final Set<String> openedHere = new HashSet<>();
        private final Set<String> outcomeKeys = new HashSet<>();
        private final List<StatusNote> statusNotes = new ArrayList<>();
        private final List<Orphan> orphans = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private long crimes;
        private long outcomes;
        private long duplicates;
        private long withoutCrimeId;

        Run(Writer out) {
            try {
                printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
                printer.printRecord(Arrays.stream(PipelineColumn.values()).map(PipelineColumn::header).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void street(PoliceUkFile file) {
            Map<String, Map<PipelineColumn, String>> rows = new LinkedHashMap<>();
            read(file, List.of("Crime ID", "Month", "Reported by"), (record, line) -> {
                String crime = record.get("Crime ID").strip();
                if (crime.isEmpty()) {
                    withoutCrimeId++;
                    return;
                }
                if (!openedHere.add(crime)) {
                    duplicates++;
                    return;
                }
                Optional<YearMonth> month = month(file, line, record.get("Month"));
                Optional<PoliceForce> force = reference.forceByPoliceUkName(record.get("Reported by").strip());
                if (force.isEmpty()) {
                    problems.add(new Problem(file.name(), line, "Reported by", "'" + record.get("Reported by")
                            + "' is not a force of reference/police-forces.csv (column police_uk_name)"));
                }
                if (month.isEmpty() || force.isEmpty()) {
                    return;
                }
                Map<PipelineColumn, String> row = row(crime + "/opened", crime, EventType.CASE_OPENED,
                        month.get(), file);
                row.put(PipelineColumn.FORCE_CODE, force.get().code());
                row.put(PipelineColumn.CONTEXT, CaseContext.UNKNOWN.name());
                rows.put(crime + "/opened", row);
            });
            Set<String> stored = store.storedRows(rows.keySet());
            rows.forEach((rowId, row) -> {
                if (stored.contains(rowId)) {
                    duplicates++;
                } else {
                    print(row);
                    crimes++;
                }
            });
        }

        void outcomes(PoliceUkFile file) {
            record Candidate(String crime, long line, Map<PipelineColumn, String> row) {
            }
            List<Candidate> candidates = new ArrayList<>();
            read(file, List.of("Crime ID", "Month", "Outcome type"), (record, line) -> {
                String crime = record.get("Crime ID").strip();
                if (crime.isEmpty()) {
                    withoutCrimeId++;
                    return;
                }
                String label = record.get("Outcome type").strip();
                Optional<YearMonth> month = month(file, line, record.get("Month"));
                if (month.isEmpty()) {
                    return;
                }
                if (!outcomeKeys.add(crime + "\u001f" + month.get() + "\u001f" + label)) {
                    duplicates++;
                    return;
                }
                Optional<PoliceUkOutcome> outcome = reference.policeUkOutcome(label);
                if (outcome.isEmpty()) {
                    problems.add(new Problem(file.name(), line, "Outcome type", "'" + label
                            + "' is not a label of reference/police-uk-outcomes.csv"));
                    return;
                }
                if (outcome.get().pipelineEvent().isEmpty()) {
                    statusNotes.add(new StatusNote(crime, month.get().toString(), label, file.name(), line));
                    return;
                }
                EventType type = outcome.get().pipelineEvent().get();
                Map<PipelineColumn, String> row = row(crime + "/" + month.get() + "/" + outcome.get().code(), crime,
                        type, month.get(), file);
                if (type.isSuspectEvent()) {
                    row.put(PipelineColumn.SUSPECT_REF, SUSPECT);
                }
                outcome.get().outcomeType().ifPresent(number -> row.put(PipelineColumn.OUTCOME_TYPE,
                        number.toString()));
                candidates.add(new Candidate(crime, line, row));
            });
            Set<String> unknown = new HashSet<>();
            candidates.stream().map(Candidate::crime).filter(crime -> !openedHere.contains(crime))
                    .forEach(unknown::add);
            Set<String> openedBefore = new HashSet<>();
            store.openedCases(unknown.stream().map(crime -> CASE_PREFIX + crime).toList())
                    .forEach(caseRef -> openedBefore.add(caseRef.substring(CASE_PREFIX.length())));
            Set<String> stored = store.storedRows(candidates.stream()
                    .map(candidate -> candidate.row().get(PipelineColumn.SOURCE_ROW_ID)).toList());
            for (Candidate candidate : candidates) {
                if (!openedHere.contains(candidate.crime()) && !openedBefore.contains(candidate.crime())) {
                    orphans.add(new Orphan(candidate.crime(), file.name(), candidate.line()));
                } else if (stored.contains(candidate.row().get(PipelineColumn.SOURCE_ROW_ID))) {
                    duplicates++;
                } else {
                    print(candidate.row());
                    outcomes++;
                }
            }
        }

        private Optional<YearMonth> month(PoliceUkFile file, long line, String text) {
            try {
                return Optional.of(YearMonth.parse(text.strip()));
            } catch (DateTimeParseException e) {
                problems.add(new Problem(file.name(), line, "Month", "'" + text + "' is not a month (YYYY-MM)"));
                return Optional.empty();
            }
        }

        private Map<PipelineColumn, String> row(String rowId, String crime, EventType type, YearMonth month,
                                                PoliceUkFile file) {
            Map<PipelineColumn, String> row = new EnumMap<>(PipelineColumn.class);
            row.put(PipelineColumn.SOURCE_ROW_ID, rowId);
            row.put(PipelineColumn.CASE_REF, CASE_PREFIX + crime);
            row.put(PipelineColumn.EVENT_TYPE, type.name());
            row.put(PipelineColumn.OCCURRED_ON, month.atDay(1).toString());
            row.put(PipelineColumn.REPORTED_ON, file.reportedOn().toString());
            row.put(PipelineColumn.NOTE, file.name());
            return row;
        }

        private void print(Map<PipelineColumn, String> row) {
            try {
                List<String> values = new ArrayList<>();
                for (PipelineColumn column : PipelineColumn.values()) {
                    values.add(row.getOrDefault(column, ""));
                }
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private interface RecordHandler {
            void accept(CSVRecord record, long line);
        }

        private void read(PoliceUkFile file, List<String> required, RecordHandler handler) {
            try (Reader reader = new InputStreamReader(file.content().open(), StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader()
                         .setSkipHeaderRecord(true).setIgnoreHeaderCase(false).get())) {
                List<String> missing = required.stream().filter(column -> !parser.getHeaderMap().containsKey(column))
                        .toList();
                if (!missing.isEmpty()) {
                    problems.add(new Problem(file.name(), 1, missing.get(0), "a data.police.uk "
                            + file.kind().name().toLowerCase() + " file needs the columns " + required));
                    return;
                }
                for (CSVRecord record : parser) {
                    handler.accept(record, record.getRecordNumber() + 1);
                }
            } catch (IOException | UncheckedIOException e) {
                problems.add(new Problem(file.name(), 0, null, "cannot read: " + e.getMessage()));
            }
        }
    }

}
