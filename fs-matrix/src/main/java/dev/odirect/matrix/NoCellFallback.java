package dev.odirect.matrix;

import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.run.CheckReport;
import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.suite.ReplayCommand;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** When no cell can be made here (auto mode without root): the rules in a plain directory, said plainly. */
public final class NoCellFallback {
    private NoCellFallback() {
    }

    /** What auto mode becomes here: containers when a Docker engine answers, else host when root, else none. */
    public static Optional<MatrixOptions.Mode> resolve(MatrixOptions.Mode mode) {
        if (mode != MatrixOptions.Mode.AUTO) {
            return Optional.of(mode);
        }
        if (ContainerImage.engineAnswers()) {
            return Optional.of(MatrixOptions.Mode.CONTAINERS);
        }
        return HostCommands.isRoot() ? Optional.of(MatrixOptions.Mode.HOST) : Optional.empty();
    }

    public static String whyNoCell() {
        return "not root, so no filesystem can be mounted here, and no Docker engine answers";
    }

    /** The rules in the plain directory; the matrix is not proven whatever they show, since no cell ran. */
    public static MatrixReport run(MatrixOptions options, String why, PrintStream console)
            throws CheckSetupException, IOException {
        CheckOptions check = options.check();
        console.println("odirect matrix: no cell ran: " + why + ". Running the rules in the plain directory "
                + check.dir() + " instead; run as root for the filesystem matrix.");
        CheckReport report = CheckRunner.run(check.forCell(ReplayCommand.PLAIN_DIRECTORY, check.dir(), options.out().resolve("plain"),
                check.rules(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(why), Map.of(),
                Optional.empty()), console);
        ObjectNode root = MatrixReport.header(check, options.out());
        root.put("note", "no cell ran: " + why + "; the rules ran in " + check.dir() + " (see plain/summary.json)");
        root.putArray("cells");
        return MatrixReport.save(root, MatrixVerdict.noCell(why, report.verdict()), options.out(), console);
    }
}
