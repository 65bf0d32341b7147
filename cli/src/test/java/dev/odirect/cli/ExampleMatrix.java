package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An example store of examples/ run through {@code odirect matrix} as its README says, on the host's
 * loop devices (container mode would not have the example's build or its libraries), with the fast
 * crash; what each cell found, in a line per cell that the tests compare with what was found by hand.
 */
final class ExampleMatrix {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    static final String CELLS = "xfs,tmpfs";
    static final String SEED = "12";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private ExampleMatrix() {
    }

    /** The matrix's exit status and, per cell, "cell: status" with the rules that failed and warned. */
    record Findings(int exit, List<String> cells, String output) {
    }

    /** Starts the matrix; its output is read on a thread of its own, so several can run at once. */
    static CompletableFuture<Findings> start(String adapter, Path out) throws IOException {
        Process matrix = new ProcessBuilder(JAVA, "-jar", System.getProperty("odirect.jar"), "matrix", "--mode", "host",
                "--adapter", adapter, "--cells", CELLS, "--crash", "shutdown", "--seed", SEED, "--no-report",
                "--out", out.toString()).redirectErrorStream(true).start();
        CompletableFuture<Findings> findings = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                findings.complete(findings(matrix, out));
            } catch (IOException | InterruptedException | RuntimeException | AssertionError failure) {
                matrix.destroy();
                findings.completeExceptionally(failure);
            }
        }, "matrix " + out.getFileName());
        reader.setDaemon(true);
        reader.start();
        return findings;
    }

    private static Findings findings(Process matrix, Path out) throws IOException, InterruptedException {
        String output = new String(matrix.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(matrix.waitFor(15, TimeUnit.MINUTES), output);
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : new ObjectMapper().readTree(out.resolve("matrix.json").toFile()).path("cells")) {
            cells.add(cell.path("name").asText() + ": " + cell.path("status").asText()
                    + rules(cell, "failed") + rules(cell, "warned"));
        }
        return new Findings(matrix.exitValue(), cells, output);
    }

    private static String rules(JsonNode cell, String status) {
        List<String> ids = new ArrayList<>();
        cell.path("rules").forEach(rule -> {
            if (rule.path("status").asText().equals(status)) {
                ids.add(rule.path("id").asText());
            }
        });
        return ids.isEmpty() ? "" : ", " + status + " " + String.join(" ", ids.stream().sorted().toList());
    }
}
