package org.casetrail.api.cli;

import picocli.CommandLine.Command;

@Command(name = "casetrail", mixinStandardHelpOptions = true,
        description = "Casetrail: the event-sourced ledger of the criminal-justice pipeline. "
                + "Run without a command to start the server.",
        subcommands = {ImportCommand.class, ImportPoliceUkCommand.class, GenerateCommand.class,
                HashPasswordCommand.class})
class CasetrailCommand {
}
