package org.casetrail.api.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.casetrail.api.CasetrailApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The command line: the same jar as the server, started without the web server and with no demo data, running one
 * command through the same services the HTTP API uses.
 */
public final class CommandLauncher {

    private static final Set<String> COMMANDS = Set.of("import", "import-police-uk", "generate", "hash-password",
            "help", "--help", "-h");
    /** Commands that work on files alone start no application context and need no database. */
    private static final Set<String> WITHOUT_STORE = Set.of("generate", "hash-password");
    /** Arguments that set application properties, as they do for the server, rather than options of a command. */
    private static final List<String> SETTING_PREFIXES = List.of("--spring.", "--casetrail.", "--logging.");

    private CommandLauncher() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        CommandLine.IFactory plain = CommandLine.defaultFactory();
        if (args[0].startsWith("-") || args[0].equals("help")) {
            return new CommandLine(new CasetrailCommand(), plain).execute("--help");
        }
        if (WITHOUT_STORE.contains(args[0])) {
            return new CommandLine(new CasetrailCommand(), plain).execute(args);
        }
        return runWithStore(new CasetrailCommand(), args);
    }

    /**
     * Runs a picocli command (an instance or its class) in an application context without the web server, its
     * {@code org.casetrail} classes made by Spring so that they get the application's services; arguments that are
     * settings ({@code --spring.*}, {@code --casetrail.*}, {@code --logging.*}) configure the context instead.
     */
    public static int runWithStore(Object command, String[] args) {
        CasetrailApplication.keepAxonOffline();
        CommandLine.IFactory plain = CommandLine.defaultFactory();
        String[] settings = Arrays.stream(args).filter(CommandLauncher::isSetting).toArray(String[]::new);
        String[] commandArgs = Arrays.stream(args).filter(arg -> !isSetting(arg)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CasetrailApplication.class)
                .web(WebApplicationType.NONE)
                .properties("casetrail.demo.load=false", "casetrail.processors.enabled=false",
                        "spring.main.banner-mode=off",
                        "spring.main.log-startup-info=false", "logging.level.root=WARN")
                .run(settings)) {
            CommandLine.IFactory fromSpring = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    if (type.getPackageName().startsWith("org.casetrail.")) {
                        return context.getAutowireCapableBeanFactory().createBean(type);
                    }
                    return plain.create(type);
                }
            };
            return new CommandLine(command, fromSpring).execute(commandArgs);
        }
    }

    private static boolean isSetting(String arg) {
        return SETTING_PREFIXES.stream().anyMatch(arg::startsWith);
    }
}
