package dev.odirect.conformance.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Allure's {@code environment.properties}: kernel, filesystem, store, suite version. */
final class Environment {
    private Environment() {
    }

    static void write(Path allureResults, Summary summary) throws IOException {
        JsonNode json = summary.json();
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("kernel", kernel());
        entries.put("filesystem", json.path("filesystem").path("type").asText());
        entries.put("filesystem.path", json.path("filesystem").path("path").asText());
        entries.put("dio.alignment", json.path("filesystem").path("dio_mem_align").asText() + "/"
                + json.path("filesystem").path("dio_offset_align").asText());
        entries.put("store", json.path("store").path("name").asText() + " " + json.path("store").path("version").asText());
        entries.put("seed", json.path("seed").asText());
        entries.put("verdict", json.path("verdict").asText() + ": " + json.path("verdict_reason").asText());
        List<String> waived = new ArrayList<>();
        json.path("waived").forEach(id -> waived.add(id.asText()));
        entries.put("waived", waived.isEmpty() ? "none" : String.join(", ", waived));
        entries.put("suite.version", Objects.requireNonNullElse(Environment.class.getPackage().getImplementationVersion(), "dev"));
        String text = entries.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(allureResults.resolve("environment.properties"), text);
    }

    static String kernel() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException unknown) {
            return System.getProperty("os.version");
        }
    }
}
