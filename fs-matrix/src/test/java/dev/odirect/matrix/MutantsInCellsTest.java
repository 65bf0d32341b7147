package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.conformance.suite.SuiteSettings;
import dev.odirect.store.testing.Leftovers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broken stores behave as the matrix predicts: the unaligned-buffer store passes tmpfs and fails
 * xfs; the no-fsync store fails the durability rule on ext4, xfs and btrfs; the error-swallowing store
 * fails on ext4-full. The reference store passes all of those cells, and that matrix is proven.
 */
class MutantsInCellsTest {
    @TempDir
    Path out;

    JsonNode matrix(String store, String... cells) throws Exception {
        assumeTrue(HostCommands.isRoot(), "not run: the matrix needs root to mount its cells");
        SuiteSettings check = SuiteSettings.builder().store(URI.create(store)).dir(out).seed(5L).out(out).build();
        Path where = out.resolve(store.replace(':', '-'));
        MatrixOptions options = new MatrixOptions(check, List.of(cells), MatrixOptions.Mode.HOST,
                new MatrixOptions.Shard(1, 1), where, Optional.empty(), List.of());
        MatrixRunner runner = new MatrixRunner(options, new PrintStream(new ByteArrayOutputStream()));
        return runner.runOnHost(MatrixRunner.select(options)).json();
    }

    static String status(JsonNode matrix, String cell, String rule) {
        for (JsonNode c : matrix.path("cells")) {
            if (c.path("name").asText().equals(cell)) {
                assumeTrue(!c.path("status").asText().equals("not-run"), "not run: " + c.path("reason").asText());
                for (JsonNode r : c.path("rules")) {
                    if (r.path("id").asText().equals(rule)) {
                        return r.path("status").asText();
                    }
                }
            }
        }
        return "absent";
    }

    @Test
    void unalignedBufferPassesTmpfsAndFailsXfs() throws Exception {
        JsonNode matrix = matrix("mutant:unaligned-buffer-einval-swallowed", "tmpfs", "xfs");
        assertEquals("passed", status(matrix, "tmpfs", "STREAM-2"));
        assertEquals("failed", status(matrix, "xfs", "STREAM-2"));
    }

    @Test
    void noFsyncFailsTheDurabilityRuleOnExt4XfsAndBtrfs() throws Exception {
        JsonNode matrix = matrix("mutant:no-fsync", "ext4", "xfs", "btrfs");
        assertEquals("failed", status(matrix, "ext4", "DURABLE-1"));
        assertEquals("failed", status(matrix, "xfs", "DURABLE-1"));
        assertEquals("failed", status(matrix, "btrfs", "DURABLE-1"), "btrfs is crashed through the ext4 holding its image");
    }

    @Test
    void swallowedErrorsFailOnExt4Full() throws Exception {
        assertEquals("failed", status(matrix("mutant:errors-swallowed", "ext4-full"), "ext4-full", "ERROR-1"));
    }

    @Test
    void anAdapterThatCrashesMidCellFailsTheCellAndLeavesNothing() throws Exception {
        assumeTrue(HostCommands.isRoot(), "not run: the matrix needs root to mount its cells");
        Path adapter = Files.writeString(out.resolve("dies.sh"), "read hello\n"
                + "echo '{\"ok\":true,\"protocol\":1,\"name\":\"dies\",\"version\":\"0\",\"ops\":[\"hello\",\"put\",\"open\",\"write\",\"finish\",\"get\",\"bye\"]}'\n"
                + "while read line; do case \"$line\" in *bye*) echo '{\"ok\":true}'; exit 0;; *) exit 3;; esac; done\n");
        SuiteSettings check = SuiteSettings.builder().adapter("sh " + adapter).dir(out).seed(5L).out(out)
                .timeout(Duration.ofSeconds(5)).build();
        MatrixOptions options = new MatrixOptions(check, List.of("xfs"), MatrixOptions.Mode.HOST,
                new MatrixOptions.Shard(1, 1), out.resolve("crash"), Optional.empty(), List.of());
        JsonNode matrix = new MatrixRunner(options, new PrintStream(new ByteArrayOutputStream()))
                .runOnHost(MatrixRunner.select(options)).json();
        assumeTrue(!matrix.at("/cells/0/status").asText().equals("not-run"), matrix.at("/cells/0/reason").asText());
        assertEquals("failed", matrix.at("/cells/0/status").asText());
        // the matrix makes its cells under the check's directory, out: other tests' cells are elsewhere
        assertEquals("", Leftovers.underOnceSettled(out));
    }

    @Test
    void theReferenceStorePassesTheSameCells() throws Exception {
        JsonNode matrix = matrix("direct:///", "tmpfs", "xfs", "ext4", "btrfs", "ext4-full");
        for (JsonNode cell : matrix.path("cells")) {
            assertEquals("passed", cell.path("status").asText(), cell.toString());
        }
        assertEquals("passed", matrix.path("verdict").asText(), "every rule proven or not applicable");
        assertEquals("passed", status(matrix, "ext4", "DURABLE-1"));
        assertEquals("passed", status(matrix, "btrfs", "DURABLE-1"));
        assertEquals("not-applicable", status(matrix, "tmpfs", "DURABLE-1"));
        assertEquals("not-applicable", status(matrix, "xfs", "ERROR-1"));
        assertEquals("passed", status(matrix, "ext4-full", "ERROR-1"));
    }
}
