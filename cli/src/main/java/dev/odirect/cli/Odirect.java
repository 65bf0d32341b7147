package dev.odirect.cli;

import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.store.StoreVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code odirect} command: one entry point for matrix, check, bench, report, the store adapter and crash-state. */
@Command(name = "odirect",
        mixinStandardHelpOptions = true,
        versionProvider = Odirect.Version.class,
        description = "O_DIRECT conformance suite and reference store.",
        subcommands = {MatrixCommand.class, CheckCommand.class, BenchCommand.class, CompareCommand.class, ReportCommand.class, AdapterCommand.class, CrashStateCommand.class, CommandLine.HelpCommand.class},
        footer = {"", ExitStatus.HELP_HEADING, ExitStatus.HELP_PROVEN, ExitStatus.HELP_MUST_FAILED, ExitStatus.HELP_ERROR,
            ExitStatus.HELP_NOT_PROVEN})
public final class Odirect implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Held so the levels set on them stay set (java.util.logging keeps loggers weakly). */
    private static final java.util.List<java.util.logging.Logger> QUIETED = new java.util.ArrayList<>();

    static CommandLine commandLine() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "odirect %4$s: %5$s%6$s%n");
        }
        // Testcontainers and docker-java narrate every step at INFO; their warnings still show.
        for (String chatty : java.util.List.of("org.testcontainers", "tc", "com.github.dockerjava")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(chatty);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIETED.add(logger);
        }
        // The tiny-image substitution is how Testcontainers runs without a registry; its deprecation notice is noise.
        java.util.logging.Logger substitution = java.util.logging.Logger.getLogger("org.testcontainers.utility");
        substitution.setLevel(java.util.logging.Level.SEVERE);
        QUIETED.add(substitution);
        CommandLine cli = new CommandLine(new Odirect());
        cli.setParameterExceptionHandler(Odirect::usageError);
        cli.setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println("odirect " + command.getCommandName() + ": " + failure.getMessage());
            return ExitStatus.ERROR;
        });
        return cli;
    }

    /** One line that says what was wrong and where to look, instead of a page of usage. */
    private static int usageError(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("odirect: " + problem.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return ExitStatus.ERROR;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"odirect " + StoreVersion.get()};
        }
    }
}
