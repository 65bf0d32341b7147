package dev.odirect.cli;

import dev.odirect.store.StoreVersion;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code odirect} command: one entry point for the store adapter and, later, check/matrix/report/bench. */
@Command(name = "odirect",
        mixinStandardHelpOptions = true,
        versionProvider = Odirect.Version.class,
        description = "O_DIRECT conformance suite and reference store.",
        subcommands = {MatrixCommand.class, CheckCommand.class, ReportCommand.class, AdapterCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success, 1 a MUST rule failed, 2 usage or environment error."})
public final class Odirect implements Runnable {
    static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "odirect %4$s: %5$s%6$s%n");
        }
        CommandLine cli = new CommandLine(new Odirect());
        cli.setParameterExceptionHandler(Odirect::usageError);
        cli.setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println("odirect " + command.getCommandName() + ": " + failure.getMessage());
            return USAGE_ERROR;
        });
        return cli;
    }

    /** One line that says what was wrong and where to look, instead of a page of usage. */
    private static int usageError(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("odirect: " + problem.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return USAGE_ERROR;
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
