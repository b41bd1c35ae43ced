package org.casetrail.benchmark;

import org.casetrail.api.cli.CommandLauncher;

/**
 * {@code java -jar benchmark/target/casetrail-benchmark.jar --cases N --scratch-url ...}: the benchmark, run in the
 * application's own context (no web server, no demo, no processors), as the application's commands are.
 */
public final class BenchmarkApplication {

    private BenchmarkApplication() {
    }

    public static void main(String[] args) {
        System.exit(CommandLauncher.runWithStore(BenchmarkCommand.class, args));
    }
}
