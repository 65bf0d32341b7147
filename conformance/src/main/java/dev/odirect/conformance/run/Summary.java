package dev.odirect.conformance.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.suite.SuiteSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}: the store, the filesystem, the seed, the verdict and why, the waived rules,
 * every rule's status and reason, and the counts per status.
 */
public record Summary(ObjectNode json) {
    /** Each rule's command that runs it again, as it would still work after this run cleaned up. */
    public static final String REPLAY = "replay";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Summary of(CheckOptions options, List<RuleResult> results, GateVerdict verdict, Map<String, String> facts) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("store").put("name", facts.getOrDefault("odirect.store.name", options.target()))
                .put("version", facts.getOrDefault("odirect.store.version", "?"))
                .put("target", options.target());
        ObjectNode fs = root.putObject("filesystem");
        fs.put("type", facts.getOrDefault("odirect.fs.type", "unknown"));
        fs.put("path", facts.getOrDefault("odirect.fs.path", options.dir().toString()));
        fs.put("dio_mem_align", Integer.parseInt(facts.getOrDefault("odirect.fs.dio_mem_align", "0")));
        fs.put("dio_offset_align", Integer.parseInt(facts.getOrDefault("odirect.fs.dio_offset_align", "0")));
        fs.put("sector", Integer.parseInt(facts.getOrDefault("odirect.fs.sector", "0")));
        fs.put("direct", Boolean.parseBoolean(facts.getOrDefault("odirect.fs.direct", "false")));
        fs.put("not_direct_reason", facts.getOrDefault("odirect.fs.not_direct_reason", ""));
        String bypasses = facts.getOrDefault("odirect.fs.bypasses_cache", "null");
        if (bypasses.equals("null")) {
            fs.putNull("bypasses_cache");
        } else {
            fs.put("bypasses_cache", Boolean.parseBoolean(bypasses));
        }
        root.put("seed", options.seed());
        root.put("profile", options.profile().name().toLowerCase());
        options.cell().ifPresent(cell -> root.put("cell", cell));
        root.put("verdict", verdict.verdict().value());
        root.put("verdict_reason", verdict.detail());
        ArrayNode waived = root.putArray("waived");
        options.waivers().stream().sorted().forEach(waived::add);
        ArrayNode rules = root.putArray("rules");
        SuiteSettings settings = options.settings();
        results.forEach(result -> result.writeTo(rules.addObject()).put(REPLAY, settings.replay(result.id())));
        ObjectNode counts = root.putObject("counts");
        RuleCounts.byStatus(results).forEach((status, count) -> counts.put(status.value(), count));
        return new Summary(root);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), json);
    }
}
