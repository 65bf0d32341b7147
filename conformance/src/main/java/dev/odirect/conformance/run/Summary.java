package dev.odirect.conformance.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code summary.json}: the store, the filesystem, the seed, every rule's result and the counts. */
public record Summary(ObjectNode json) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Summary of(CheckOptions options, List<RuleResult> results, Map<String, String> facts, String fallbackName) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("store").put("name", facts.getOrDefault("odirect.store.name", fallbackName))
                .put("version", facts.getOrDefault("odirect.store.version", "?"))
                .put("target", options.store().map(Object::toString).orElseGet(() -> options.adapter().orElse("")));
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
        ArrayNode rules = root.putArray("rules");
        for (RuleResult result : results) {
            rules.addObject().put("id", result.id()).put("level", result.level().name()).put("status", result.status())
                    .put("message", result.message()).put("millis", result.millis());
        }
        ObjectNode counts = root.putObject("counts");
        for (String status : List.of(RuleResult.PASSED, RuleResult.FAILED, RuleResult.SKIPPED)) {
            counts.put(status, results.stream().filter(r -> r.status().equals(status)).count());
        }
        return new Summary(root);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), json);
    }
}
