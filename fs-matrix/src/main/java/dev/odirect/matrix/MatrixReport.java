package dev.odirect.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.run.GateVerdict;
import dev.odirect.conformance.run.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** {@code matrix.json} and the compatibility table ({@code matrix.md}, {@code matrix.html}) of a run, and its verdict. */
public record MatrixReport(ObjectNode json, Path out, GateVerdict verdict) {
    /** The entry page of a results folder (the reports module writes it): the verdict, failures, replays. */
    public static final String VERDICT_PAGE = "index.html";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public int exitStatus() {
        return verdict.exitStatus();
    }

    static MatrixReport write(MatrixOptions options, List<CellResult> results, PrintStream console) throws IOException {
        ObjectNode root = header(options.check(), options.out());
        ArrayNode cells = root.putArray("cells");
        results.forEach(result -> result.writeTo(cells.addObject()));
        return save(root, MatrixVerdict.of(results), options.out(), console);
    }

    /** The store, seed, profile and waived rules of a run, before its cells. */
    static ObjectNode header(CheckOptions check, Path out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode store = root.putObject("store");
        store.put("target", check.target());
        readStoreFromCells(out, store);
        root.put("seed", check.seed());
        root.put("profile", check.profile().name().toLowerCase());
        ArrayNode waived = root.putArray("waived");
        check.waivers().stream().sorted().forEach(waived::add);
        return root;
    }

    /** Writes the three files with the verdict and says where they are. */
    static MatrixReport save(ObjectNode root, GateVerdict verdict, Path out, PrintStream console) throws IOException {
        root.put("verdict", verdict.verdict().value());
        root.put("verdict_reason", verdict.detail());
        ObjectNode counts = root.putObject("cells_by_status");
        Stream.concat(Arrays.stream(Verdict.values()).map(Verdict::value), Stream.of(CellResult.NOT_RUN))
                .forEach(status -> counts.put(status, 0));
        root.path("cells").forEach(cell -> counts.put(cell.path("status").asText(),
                counts.path(cell.path("status").asText()).asInt() + 1));
        Files.createDirectories(out);
        JSON.writeValue(out.resolve("matrix.json").toFile(), root);
        MatrixTable table = new MatrixTable(root);
        Files.writeString(out.resolve("matrix.md"), table.markdown());
        Files.writeString(out.resolve("matrix.html"), table.html());
        console.println();
        console.print(table.markdown());
        console.println("matrix: " + out.resolve("matrix.json") + ", " + out.resolve("matrix.html"));
        return new MatrixReport(root, out, verdict);
    }

    /**
     * The store's name and version as a cell's summary.json recorded them (adapters say it at hello):
     * {@code cells/NAME/} on the host, {@code containers/NAME/cells/NAME/} in container mode.
     */
    private static void readStoreFromCells(Path out, ObjectNode store) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (var files = Files.walk(out, 5)) {
            for (Path summary : files.filter(p -> p.getFileName().toString().equals("summary.json")).sorted().toList()) {
                var json = JSON.readTree(summary.toFile()).path("store");
                if (json.has("name")) {
                    store.put("name", json.path("name").asText());
                    store.put("version", json.path("version").asText());
                    return;
                }
            }
        }
    }
}
