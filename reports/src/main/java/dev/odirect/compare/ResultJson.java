package dev.odirect.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a result file, and its fields, saying which file and field is wrong when one is. */
final class ResultJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException notJson) {
            throw new ResultFolderException(file + " is not JSON (" + notJson.getOriginalMessage() + ")");
        } catch (IOException unreadable) {
            throw new ResultFolderException("cannot read " + file + ": " + unreadable.getMessage());
        }
    }

    /** The field, which must be there: a result file without it was not written by odirect. */
    static JsonNode field(JsonNode node, String name, Path file) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ResultFolderException(file + " has no \"" + name + "\": not a result file of odirect");
        }
        return value;
    }

    static String text(JsonNode node, String name, Path file) {
        return field(node, name, file).asText();
    }
}
