package dev.odirect.conformance.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A rule's failure as a value: which rule in which cell, on which store, whether it failed in the
 * rule's setup or its check, what was observed, the operations of the failing execution, the
 * adapter's stderr of that execution, how to replay it and, for a property, how it was found.
 * It renders itself ({@link #signature()}, {@link #render()}); nothing parses the text back.
 *
 * @param property null unless a property found it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Failure(String rule, String level, String cell, Phase phase, Observation observation, String store,
                      String filesystem, List<String> operations, String replay, String adapterStderr,
                      PropertyEvidence property) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where in the rule it failed: a setup step the rule relies on, or the check the rule is about. */
    public enum Phase { SETUP, CHECK }

    public Failure {
        operations = List.copyOf(operations);
    }

    public Category category() {
        return observation.category();
    }

    public Failure withProperty(PropertyEvidence found) {
        return new Failure(rule, level, cell, phase, observation, store, filesystem, operations, replay, adapterStderr,
                found);
    }

    /** One line: "STREAM-2 [xfs]: 4096 B acknowledged, 0 B on disk", or "setup of HANDLE-1 [xfs] failed: ...". */
    public String signature() {
        return (phase == Phase.SETUP ? "setup of " + rule + " [" + cell + "] failed: " : rule + " [" + cell + "]: ")
                + observation.signature();
    }

    /** The signature line, then the whole evidence. */
    public String render() {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(signature()).append(nl)
                .append("  observed").append(phase == Phase.SETUP ? " in the setup" : "").append(": ")
                .append(observation.describe()).append(nl)
                .append("  store: ").append(store).append(nl)
                .append("  filesystem: ").append(filesystem).append(nl)
                .append("  operations: ").append(operations.isEmpty() ? "none" : String.join("; ", operations)).append(nl)
                .append("  replay: ").append(replay);
        if (property != null) {
            text.append(nl).append(property.describe());
        }
        return text.toString();
    }

    public ObjectNode toJson() {
        return JSON.valueToTree(this);
    }

    public static Failure fromJson(JsonNode json) {
        return JSON.convertValue(json, Failure.class);
    }
}
