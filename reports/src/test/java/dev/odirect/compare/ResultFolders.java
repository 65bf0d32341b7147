package dev.odirect.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The result folders of real runs under test resources (check, matrix and bench of the reference store and
 * of the mutant aligned-part-lost, messages shortened), copied to a scratch folder and edited there.
 */
final class ResultFolders {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Path scratch;

    ResultFolders(Path scratch) {
        this.scratch = scratch;
    }

    /** A copy of the named real folder. */
    Path real(String name) {
        return edited(name, name, root -> { });
    }

    /** A copy of the named real folder, as {@code copyName}, its JSON file changed by {@code edit}. */
    Path edited(String name, String copyName, Consumer<ObjectNode> edit) {
        try {
            Path folder = Files.createDirectories(scratch.resolve(copyName));
            for (FolderKind kind : FolderKind.values()) {
                try (InputStream real = ResultFolders.class.getResourceAsStream(name + "/" + kind.file())) {
                    if (real != null) {
                        ObjectNode root = (ObjectNode) JSON.readTree(real);
                        edit.accept(root);
                        JSON.writeValue(folder.resolve(kind.file()).toFile(), root);
                    }
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule of a check's summary.json (or of a matrix cell) by id. */
    static ObjectNode rule(JsonNode rules, String id) {
        for (JsonNode rule : rules.path("rules")) {
            if (rule.path("id").asText().equals(id)) {
                return (ObjectNode) rule;
            }
        }
        throw new IllegalArgumentException("no rule " + id);
    }

    static ObjectNode cell(JsonNode matrix, String name) {
        for (JsonNode cell : matrix.path("cells")) {
            if (cell.path("name").asText().equals(name)) {
                return (ObjectNode) cell;
            }
        }
        throw new IllegalArgumentException("no cell " + name);
    }
}
