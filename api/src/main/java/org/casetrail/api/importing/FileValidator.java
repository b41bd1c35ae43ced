package org.casetrail.api.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.casetrail.api.config.Limits;
import org.casetrail.core.caseledger.CaseStreamRules;
import org.casetrail.core.caseledger.StreamFact;
import org.casetrail.core.csv.RowError;
import org.springframework.stereotype.Component;

/**
 * Checks a whole staged file against the store before any of it is applied, with the same {@link CaseStreamRules}
 * the case aggregate enforces, plus the one rule no single case can see: a row id names one row across all cases.
 * Duplicates (rows already stored, or repeated in the file, with the same content) are counted and dropped from the
 * staging area so that applying does no work for them.
 */
@Component
class FileValidator {

    private static final int FORGET_BATCH = 10_000;

    private final StagingArea staging;
    private final int rowsPerCase;

    FileValidator(StagingArea staging, Limits limits) {
        this.staging = staging;
        this.rowsPerCase = limits.rowsPerCase();
    }

    record Outcome(long duplicates, long rejectedLines) {
    }

    Outcome validate(UUID importId, String source, ErrorCollector errors, ImportProgress progress) {
        Set<Long> conflictLines = new HashSet<>();
        for (StagingArea.RowConflict conflict : staging.rowIdsUsedByOtherCases(importId, source)) {
            if (conflictLines.add(conflict.line())) {
                errors.add(new RowError(conflict.line(), "source_row_id", conflict.message()));
            }
        }
        CaseWalk walk = new CaseWalk(importId, errors, conflictLines, progress);
        staging.forEachCaseFact(importId, source, walk::accept);
        walk.forgetDuplicates();
        return new Outcome(walk.duplicates, conflictLines.size() + walk.rejectedLines);
    }

    private final class CaseWalk {
        private final UUID importId;
        private final ErrorCollector errors;
        private final Set<Long> conflictLines;
        private final ImportProgress progress;
        private final List<Long> duplicateLines = new ArrayList<>();
        private String caseRef;
        private CaseStreamRules rules;
        private int caseRows;
        private long duplicates;
        private long rejectedLines;

        CaseWalk(UUID importId, ErrorCollector errors, Set<Long> conflictLines, ImportProgress progress) {
            this.importId = importId;
            this.errors = errors;
            this.conflictLines = conflictLines;
            this.progress = progress;
        }

        void accept(long line, StreamFact fact) {
            if (!fact.caseRef().equals(caseRef)) {
                caseRef = fact.caseRef();
                rules = new CaseStreamRules(caseRef);
                caseRows = 0;
            }
            if (line == 0) {
                rules.record(fact);
                caseRows++;
                return;
            }
            progress.advanced(1);
            CaseStreamRules.Verdict verdict = rules.judge(fact);
            if (verdict.kind() == CaseStreamRules.Verdict.Kind.ACCEPT && caseRows >= rowsPerCase) {
                // One case is read whole into memory by every figure: its rows are bounded.
                errors.add(new RowError(line, "case_ref", "case " + caseRef + " would have more than "
                        + rowsPerCase + " rows (casetrail.limits.rows-per-case)"));
                rejectedLines += conflictLines.contains(line) ? 0 : 1;
                return;
            }
            switch (verdict.kind()) {
                case ACCEPT -> {
                    rules.record(fact);
                    caseRows++;
                }
                case DUPLICATE -> {
                    duplicates++;
                    duplicateLines.add(line);
                    if (duplicateLines.size() == FORGET_BATCH) {
                        forgetDuplicates();
                    }
                }
                case REJECT -> {
                    errors.add(new RowError(line, verdict.violation().column(), verdict.violation().message()));
                    if (!conflictLines.contains(line)) {
                        rejectedLines++;
                    }
                }
            }
        }

        void forgetDuplicates() {
            staging.forgetLines(importId, duplicateLines);
            duplicateLines.clear();
        }
    }
}
