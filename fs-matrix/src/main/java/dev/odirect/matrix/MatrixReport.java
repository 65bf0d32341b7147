package dev.odirect.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.run.RuleResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code matrix.json} and the compatibility table ({@code matrix.md}, {@code matrix.html}) of a run. */
public record MatrixReport(ObjectNode json, Path out) {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** 1 when a MUST rule failed in any cell, else 0. */
    public int exitStatus() {
        for (var cell : json.path("cells")) {
            if (cell.path("status").asText().equals(CellResult.FAILED)) {
                return 1;
            }
        }
        return 0;
    }

    static MatrixReport write(MatrixOptions options, List<CellResult> results, PrintStream console) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode store = root.putObject("store");
        store.put("target", options.check().store().map(Object::toString).orElseGet(() -> options.check().adapter().orElse("")));
        readStoreFromCells(options.out(), store);
        root.put("seed", options.check().seed());
        root.put("profile", options.check().profile().name().toLowerCase());
        ArrayNode cells = root.putArray("cells");
        for (CellResult result : results) {
            ObjectNode cell = cells.addObject().put("name", result.name()).put("status", result.status())
                    .put("reason", result.reason());
            cell.set("facts", JSON.valueToTree(result.facts()));
            ArrayNode rules = cell.putArray("rules");
            for (RuleResult rule : result.rules()) {
                rules.addObject().put("id", rule.id()).put("level", rule.level().name()).put("status", rule.status())
                        .put("message", rule.message());
            }
        }
        return save(root, options.out(), console);
    }

    /** Writes the three files and says where they are. */
    public static MatrixReport save(ObjectNode root, Path out, PrintStream console) throws IOException {
        Files.createDirectories(out);
        JSON.writeValue(out.resolve("matrix.json").toFile(), root);
        MatrixTable table = new MatrixTable(root);
        Files.writeString(out.resolve("matrix.md"), table.markdown());
        Files.writeString(out.resolve("matrix.html"), table.html());
        console.println();
        console.print(table.markdown());
        console.println("matrix: " + out.resolve("matrix.json") + ", " + out.resolve("matrix.html"));
        return new MatrixReport(root, out);
    }

    /**
     * The store's name and version as a cell's summary.json recorded them (adapters say it at hello):
     * {@code cells/NAME/} on the host, {@code containers/NAME/cells/NAME/} in container mode.
     */
    private static void readStoreFromCells(Path out, ObjectNode store) throws IOException {
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
