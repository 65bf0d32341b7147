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

    /** The matrix's exit status, per cell "cell: status" with the rules that failed and warned, and matrix.json. */
    record Findings(int exit, List<String> cells, String output, JsonNode matrix) {
        /** A cell of matrix.json. */
        JsonNode cell(String name) {
            for (JsonNode cell : matrix.path("cells")) {
                if (cell.path("name").asText().equals(name)) {
                    return cell;
                }
            }
            throw new AssertionError("no cell " + name + " in " + matrix);
        }
    }

    /**
     * Starts the matrix with the example's README options after the common ones; its output is read on
     * a thread of its own, so several can run at once.
     */
    static CompletableFuture<Findings> start(String adapter, Path out, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", System.getProperty("odirect.jar"), "matrix", "--mode",
                "host", "--adapter", adapter, "--cells", CELLS, "--crash", "shutdown", "--no-report", "--out", out.toString()));
        command.addAll(options.length == 0 ? List.of("--seed", SEED) : List.of(options));
        Process matrix = new ProcessBuilder(command).redirectErrorStream(true).start();
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
        JsonNode json = new ObjectMapper().readTree(out.resolve("matrix.json").toFile());
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : json.path("cells")) {
            List<String> failed = rules(cell, "failed");
            List<String> warned = rules(cell, "warned");
            cells.add(cell.path("name").asText() + ": " + cell.path("status").asText()
                    + (failed.isEmpty() ? "" : ", failed " + String.join(" ", failed))
                    + (warned.isEmpty() ? "" : ", warned " + String.join(" ", warned)));
        }
        return new Findings(matrix.exitValue(), cells, output, json);
    }

    /** The ids of a cell's rules with this status, sorted. */
    static List<String> rules(JsonNode cell, String status) {
        List<String> ids = new ArrayList<>();
        cell.path("rules").forEach(rule -> {
            if (rule.path("status").asText().equals(status)) {
                ids.add(rule.path("id").asText());
            }
        });
        return ids.stream().sorted().toList();
    }

    /** A rule's field in a cell of matrix.json, or "" when the cell has no such rule. */
    static String rule(JsonNode cell, String id, String field) {
        for (JsonNode rule : cell.path("rules")) {
            if (rule.path("id").asText().equals(id)) {
                return rule.path(field).asText();
            }
        }
        return "";
    }
}
