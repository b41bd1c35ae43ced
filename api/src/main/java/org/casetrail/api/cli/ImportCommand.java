package org.casetrail.api.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.importing.ImportService;
import org.casetrail.core.csv.RowError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a pipeline event CSV (SEMANTICS section 3). The whole file is checked first; if any "
                + "row is invalid nothing is applied and every error is listed. Exit code 0: applied; 1: rejected.")
class ImportCommand implements Callable<Integer> {

    private static final int ERRORS_SHOWN = 100;

    @Option(names = "--source", required = true, description = "The import's source, e.g. GMP-2024Q4.")
    String source;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    Path file;

    private final ImportService imports;

    public ImportCommand(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file);
            return 2;
        }
        ImportReport report;
        try (ProgressBarDisplay progress = new ProgressBarDisplay(!noProgress)) {
            report = imports.importCsv(source, file, progress);
        }
        out.printf("%s into source %s: %d accepted, %d duplicates, %d rejected (import %s)%n",
                file.getFileName(), source, report.accepted(), report.duplicates(), report.rejected(),
                report.importId());
        report.errors().stream().limit(ERRORS_SHOWN).forEach(error -> out.println(describe(error)));
        long hidden = report.errors().size() - ERRORS_SHOWN + (report.errorsTruncated() ? 1 : 0);
        if (hidden > 0) {
            out.printf("... and more errors (%d listed in all%s)%n", report.errors().size(),
                    report.errorsTruncated() ? ", more not listed" : "");
        }
        if (!report.applied()) {
            out.println("Nothing was applied: correct the rows above and import the file again.");
        }
        return report.applied() ? 0 : 1;
    }

    private static String describe(RowError error) {
        return "line " + error.line() + (error.column() == null ? "" : ", column " + error.column()) + ": "
                + error.message();
    }
}
