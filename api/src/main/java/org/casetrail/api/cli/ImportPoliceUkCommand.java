package org.casetrail.api.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.casetrail.api.importing.PoliceUkArchive;
import org.casetrail.api.importing.PoliceUkImportService;
import org.casetrail.api.importing.PoliceUkReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import-police-uk", mixinStandardHelpOptions = true,
        description = "Import data.police.uk street and outcomes files (a folder, a zip, or one CSV). Exit code 0: "
                + "applied; 1: rejected.")
class ImportPoliceUkCommand implements Callable<Integer> {

    @Option(names = "--source", defaultValue = PoliceUkImportService.DEFAULT_SOURCE,
            description = "The import's source (default ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Parameters(paramLabel = "PATH", description = "A folder, a zip, or one CSV.")
    Path path;

    private final PoliceUkImportService imports;

    public ImportPoliceUkCommand(PoliceUkImportService imports) {
        this.imports = imports;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!Files.exists(path)) {
            System.err.println("no such file or folder: " + path);
            return 2;
        }
        PoliceUkReport report;
        try (PoliceUkArchive archive = PoliceUkArchive.open(path);
             ProgressBarDisplay progress = new ProgressBarDisplay(!noProgress)) {
            report = imports.importArchive(source, archive, progress);
        }
        out.printf("%d files into source %s: %d crimes, %d outcome events, %d duplicates, %d rows without a crime "
                        + "id, %d status notes, %d orphan outcomes%n", report.files().size(), source, report.crimes(),
                report.outcomes(), report.duplicates(), report.withoutCrimeId(), report.statusNotes(),
                report.orphans().size());
        report.orphans().stream().limit(20).forEach(orphan -> out.printf("orphan: crime %s (%s, line %d)%n",
                orphan.crime(), orphan.file(), orphan.line()));
        report.errors().stream().limit(100).forEach(error -> out.printf("%s, line %d%s: %s%n", error.file(),
                error.line(), error.column() == null ? "" : ", column " + error.column(), error.message()));
        if (!report.applied()) {
            out.println("Nothing was applied.");
        }
        return report.applied() ? 0 : 1;
    }
}
