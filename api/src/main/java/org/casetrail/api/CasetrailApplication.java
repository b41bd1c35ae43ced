package org.casetrail.api;

import org.casetrail.api.cli.CommandLauncher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the server, or, when the first argument names a command ({@code import ...}), runs that command and exits. */
@SpringBootApplication
public class CasetrailApplication {

    /** Axon's anonymous update check would call out to the internet; a ledger of this kind must not. */
    private static final String AXON_UPDATE_CHECK_OFF = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        keepAxonOffline();
        if (CommandLauncher.isCommand(args)) {
            System.exit(CommandLauncher.run(args));
        }
        SpringApplication.run(CasetrailApplication.class, args);
    }

    /** Before any Axon class is loaded; a setting given on the command line ({@code -D...}) wins. */
    public static void keepAxonOffline() {
        if (System.getProperty(AXON_UPDATE_CHECK_OFF) == null) {
            System.setProperty(AXON_UPDATE_CHECK_OFF, "true");
        }
    }
}
