package dev.odirect.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule results of a check or matrix folder, read from its summary.json or matrix.json only.
 * A check is one cell, named after its filesystem type ("tmpfs", "ext4"), or after its cell when it is
 * a matrix cell's own folder.
 *
 * @param checkDir the --dir of a plain check (the parent of the directory it made), for its replay command
 */
record RunResults(Path folder, FolderKind kind, String target, String profile, long seed, String verdict,
                  Optional<Path> checkDir, Map<String, CellRun> cells) {
    /** A store URI (direct:///x, mutant:name); anything else in "target" is an adapter's command line. */
    private static final Pattern STORE_URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S*");

    static RunResults read(Path folder, FolderKind kind) {
        Path file = folder.resolve(kind.file());
        JsonNode root = ResultJson.read(file);
        Map<String, CellRun> cells = new LinkedHashMap<>();
        Optional<Path> checkDir = Optional.empty();
        if (kind == FolderKind.MATRIX) {
            for (JsonNode cell : ResultJson.field(root, "cells", file)) {
                String name = ResultJson.text(cell, "name", file);
                cells.put(name, new CellRun(name, ResultJson.text(cell, "status", file), cell.path("reason").asText(""),
                        rules(cell, file)));
            }
        } else {
            JsonNode filesystem = ResultJson.field(root, "filesystem", file);
            String name = root.hasNonNull("cell") ? root.get("cell").asText() : ResultJson.text(filesystem, "type", file);
            if (!root.hasNonNull("cell")) {
                checkDir = Optional.ofNullable(Path.of(ResultJson.text(filesystem, "path", file)).getParent());
            }
            cells.put(name, new CellRun(name, ResultJson.text(root, "verdict", file), root.path("verdict_reason").asText(""),
                    rules(root, file)));
        }
        return new RunResults(folder, kind, ResultJson.text(ResultJson.field(root, "store", file), "target", file),
                root.path("profile").asText(""), root.path("seed").asLong(), ResultJson.text(root, "verdict", file),
                checkDir, cells);
    }

    private static Map<String, RuleRun> rules(JsonNode node, Path file) {
        Map<String, RuleRun> rules = new LinkedHashMap<>();
        for (JsonNode rule : ResultJson.field(node, "rules", file)) {
            RuleRun run = RuleRun.of(rule, file);
            rules.put(run.id(), run);
        }
        return rules;
    }

    /**
     * The rule's own replay command as the run wrote it; for results without one (older versions, a whole
     * cell), the check or the cell's matrix command with the run's store, profile and seed.
     */
    String replay(String cell, Optional<RuleRun> rule) {
        String which = (STORE_URI.matcher(target).matches() ? "--store '" : "--adapter '") + target + "'";
        String same = " --profile " + profile + " --seed " + seed + rule.map(r -> " --rule " + r.id()).orElse("");
        return rule.flatMap(RuleRun::replay).orElseGet(() -> checkDir.map(dir -> "odirect check " + which + " --dir " + dir + same)
                .orElseGet(() -> "odirect matrix --cells " + cell + " " + which + same));
    }

    /** "check of mutant:x (seed 3, profile quick): failed" */
    String describe() {
        return kind.command().substring("odirect ".length()) + " of " + target + " (seed " + seed + ", profile " + profile
                + "): " + verdict;
    }
}
