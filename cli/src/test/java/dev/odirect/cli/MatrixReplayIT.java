package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.mutants.MutantProvider;
import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.store.testing.Commands;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A failing matrix cell's replay line, run as printed after the run has taken its cell down: the
 * cell is made again, with its crash hook (the block recorder), and the same rule fails again.
 */
class MatrixReplayIT {
    static final String CLASS_PATH = MatrixCommandIT.JAR + File.pathSeparator
            + MutantProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath();

    @Test
    void theReplayOfADurabilityFailureInXfsFailsItAgainAfterTheCellIsGone() throws Exception {
        assumeTrue(Commands.isRoot() && Files.exists(Path.of("/dev/loop-control")) && Files.exists(Path.of("/dev/fuse"))
                && Commands.tool("mkfs.xfs").isPresent(), "not run: needs root, loop devices, /dev/fuse and mkfs.xfs");
        Path work = Files.createTempDirectory("odirect-replay-it-");
        try {
            Process first = odirect(work, "matrix --mode host --cells xfs --rule DURABLE-1 --seed 5 --no-report "
                    + "--store mutant:no-fsync --out first");
            String output = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(first.waitFor(5, TimeUnit.MINUTES));
            assertEquals(ExitStatus.MUST_FAILED, first.exitValue(), output);
            JsonNode rule = durable1(work.resolve("first/matrix.json"));
            assertEquals("failed", rule.path("status").asText(), rule.toString());
            String replay = rule.path("replay").asText();
            assertEquals("odirect matrix --mode host --cells xfs --store mutant:no-fsync --profile quick --seed 5 --rule DURABLE-1",
                    replay);
            assertTrue(output.contains("replay: " + replay), "the console prints the same line");

            // as a person pastes it into a shell, where odirect is the command
            Process again = new ProcessBuilder("sh", "-c", "odirect() { \"" + MatrixCommandIT.JAVA + "\" -cp '" + CLASS_PATH
                    + "' dev.odirect.cli.Odirect \"$@\"; }; " + replay).directory(work.toFile()).redirectErrorStream(true)
                    .start();
            String replayed = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(again.waitFor(5, TimeUnit.MINUTES));
            assertEquals(ExitStatus.MUST_FAILED, again.exitValue(), replayed);
            assertTrue(replayed.contains("crash states"), "the crash hook ran: " + replayed);
            Path matrix;
            try (Stream<Path> runs = Files.list(work.resolve("target/odirect"))) {
                matrix = runs.filter(dir -> dir.getFileName().toString().startsWith("matrix-")).findFirst().orElseThrow()
                        .resolve("matrix.json");
            }
            JsonNode again1 = durable1(matrix);
            assertEquals("failed", again1.path("status").asText(), "the same rule fails again: " + again1);
            assertEquals(replay, again1.path("replay").asText(), "and replays the same way");
        } finally {
            Commands.run("rm", "-rf", "--one-file-system", work.toString());
        }
    }

    /** The odirect command with the broken stores on its class path, in a working directory of its own. */
    private static Process odirect(Path work, String arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(MatrixCommandIT.JAVA, "-cp", CLASS_PATH, "dev.odirect.cli.Odirect"));
        command.addAll(List.of(arguments.split(" ")));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    }

    private static JsonNode durable1(Path matrix) throws Exception {
        for (JsonNode rule : new ObjectMapper().readTree(matrix.toFile()).at("/cells/0/rules")) {
            if (rule.path("id").asText().equals("DURABLE-1")) {
                return rule;
            }
        }
        throw new AssertionError("no DURABLE-1 in " + matrix);
    }
}
