package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing crash state carries what a person needs: which state (its log position, the writes it
 * dropped), what the key held against what was acknowledged, the operations before the crash, the
 * kept block log and a command that mounts the state again.
 */
class CrashEvidenceTest {
    @TempDir
    Path out;

    @Test
    void aFailingStateNamesItsWritesItsOperationsAndHowToMountItAgain() throws Exception {
        CrashStatesSelfTest matrix = new CrashStatesSelfTest();
        matrix.out = out;
        JsonNode result = matrix.recorded("mutant:rename-without-dir-fsync", 3, List.of("ext4"));
        JsonNode cell = result.path("cells").path(0);
        assumeTrue(!cell.path("status").asText().equals("not-run"), cell.path("reason").asText());
        JsonNode rule = rule(cell, "DURABLE-1");
        String message = rule.path("message").asText();
        System.out.println(message);
        assertEquals("failed", rule.path("status").asText());
        for (String evidence : List.of("crash state", "missing", "operations before the crash",
                "invoked @", "keeps every write before log position", "block log: ", "mount this state: odirect crash-state --log ")) {
            assertTrue(message.contains(evidence), "'" + evidence + "' in " + message);
        }
        Path log = Path.of(message.split("block log: ")[1].lines().findFirst().orElseThrow().trim());
        assertTrue(Files.size(log) > 0, "the block log is kept as evidence: " + log);
        assertTrue(cell.path("facts").path("crash_states").path("explored").asInt() >= 30, cell.toString());
    }

    static JsonNode rule(JsonNode cell, String id) {
        for (JsonNode rule : cell.path("rules")) {
            if (rule.path("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no " + id + " in " + cell);
    }
}
