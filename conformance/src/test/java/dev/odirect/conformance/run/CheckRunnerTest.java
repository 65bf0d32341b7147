package dev.odirect.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.SessionLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunnerTest {
    @TempDir
    Path dir;

    CheckOptions options(String store, List<String> rules) {
        return new CheckOptions(Optional.of(URI.create(store)), Optional.empty(), dir, Profile.QUICK, 11,
                dir.resolve("out"), rules, Optional.empty(), Optional.empty(), Optional.empty(), SessionLimits.DEFAULTS,
                true, Optional.empty(), Optional.empty());
    }

    @Test
    void writesSummaryJunitAndAllureResultsInTheDocumentedShape() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CheckReport report = CheckRunner.run(options("direct:///", List.of("STREAM-2", "KEY-1", "ERROR-1")),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals(CheckReport.OK, report.exitStatus());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
        assertEquals("odirect-reference", summary.at("/store/name").asText());
        assertTrue(summary.at("/store/version").isTextual());
        for (String field : List.of("type", "path", "dio_mem_align", "dio_offset_align")) {
            assertTrue(summary.at("/filesystem").has(field), field);
        }
        assertEquals(11, summary.get("seed").asLong());
        assertEquals(3, summary.get("rules").size());
        assertEquals(2, summary.at("/counts/passed").asInt());
        assertEquals(1, summary.at("/counts/skipped").asInt());
        assertEquals(0, summary.at("/counts/failed").asInt());
        JsonNode rule = summary.get("rules").get(0);
        for (String field : List.of("id", "level", "status", "message")) {
            assertTrue(rule.has(field), field);
        }
        try (Stream<Path> junit = Files.list(dir.resolve("out/junit"));
             Stream<Path> allure = Files.list(dir.resolve("out/allure-results"))) {
            assertTrue(junit.anyMatch(p -> p.toString().endsWith(".xml")));
            assertTrue(allure.anyMatch(p -> p.toString().endsWith("-result.json")));
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("PASS STREAM-2") && printed.contains("SKIP ERROR-1"), printed);
    }

    @Test
    void aFailedMustRuleMakesTheExitStatusOne() throws Exception {
        CheckReport report = CheckRunner.run(options("mutant:aligned-part-lost", List.of("STREAM-2")),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(CheckReport.MUST_FAILED, report.exitStatus());
    }

    @Test
    void unknownRulesMissingDirectoriesAndUnknownStoresAreSetupErrors() {
        assertTrue(assertThrows(CheckSetupException.class, () -> CheckRunner.run(options("direct:///", List.of("NOPE-1")),
                System.out)).getMessage().contains("unknown rule [NOPE-1]"));
        assertTrue(assertThrows(CheckSetupException.class, () -> CheckRunner.run(options("s3://bucket", List.of()),
                System.out)).getMessage().contains("no store provider"));
        CheckOptions missing = new CheckOptions(Optional.of(URI.create("direct:///")), Optional.empty(),
                dir.resolve("absent"), Profile.QUICK, 1, dir.resolve("out"), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), SessionLimits.DEFAULTS, true, Optional.empty(), Optional.empty());
        assertTrue(assertThrows(CheckSetupException.class, () -> CheckRunner.run(missing, System.out))
                .getMessage().contains("does not exist"));
    }
}
