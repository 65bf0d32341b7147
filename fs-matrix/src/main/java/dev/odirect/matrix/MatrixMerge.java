package dev.odirect.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.run.CheckSetupException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One matrix from the result folders of several shards (or several machines): their cells, side by side. */
public final class MatrixMerge {
    private MatrixMerge() {
    }

    public static MatrixReport merge(List<Path> folders, Path out, PrintStream console)
            throws CheckSetupException, IOException {
        ObjectNode merged = null;
        ArrayNode cells = null;
        Set<String> seen = new HashSet<>();
        for (Path folder : folders) {
            Path file = folder.resolve("matrix.json");
            if (!Files.isRegularFile(file)) {
                throw new CheckSetupException(folder + " holds no matrix.json: pass the --out folders of odirect matrix runs");
            }
            JsonNode matrix = MatrixReport.JSON.readTree(file.toFile());
            if (merged == null) {
                merged = matrix.deepCopy();
                cells = merged.putArray("cells");
            } else if (!matrix.path("store").path("target").equals(merged.path("store").path("target"))) {
                throw new CheckSetupException(folder + " checked another store (" + matrix.path("store").path("target")
                        + ") than " + folders.get(0) + " (" + merged.path("store").path("target") + ")");
            } else if (!matrix.path("waived").equals(merged.path("waived"))) {
                throw new CheckSetupException(folder + " waived other rules (" + matrix.path("waived") + ") than "
                        + folders.get(0) + " (" + merged.path("waived") + "): shards of one matrix waive the same rules");
            }
            for (JsonNode cell : matrix.path("cells")) {
                if (!seen.add(cell.path("name").asText())) {
                    throw new CheckSetupException("cell " + cell.path("name").asText() + " appears in two folders; "
                            + "each shard runs different cells");
                }
                ObjectNode copy = cell.deepCopy();
                copy.put("results", folder.toAbsolutePath().resolve("cells").resolve(cell.path("name").asText()).toString());
                cells.add(copy);
            }
        }
        if (merged == null) {
            throw new CheckSetupException("nothing to merge: name the result folders of odirect matrix runs");
        }
        merged.remove("note");
        List<CellResult> results = new ArrayList<>();
        cells.forEach(cell -> results.add(CellResult.from(cell)));
        return MatrixReport.save(merged, MatrixVerdict.of(results), out, console);
    }
}
