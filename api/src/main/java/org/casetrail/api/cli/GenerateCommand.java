package org.casetrail.api.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.casetrail.core.synthetic.SyntheticHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic case history as a pipeline event CSV: the same seed and size always give "
                + "the same file. Its figures are synthetic and must be presented as such.")
class GenerateCommand implements Callable<Integer> {

    @Option(names = "--cases", defaultValue = "10000", description = "How many cases (default ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--prefix", defaultValue = "SYN", description = "Case reference prefix (default ${DEFAULT-VALUE}).")
    String prefix;

    @Parameters(paramLabel = "FILE", description = "Where to write the CSV.")
    Path file;

    @Override
    public Integer call() throws Exception {
        long rows;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            rows = new SyntheticHistory(seed, cases, prefix).write(out);
        }
        System.out.printf("%s: %d synthetic cases, %d rows (seed %d)%n", file, cases, rows, seed);
        return 0;
    }
}
