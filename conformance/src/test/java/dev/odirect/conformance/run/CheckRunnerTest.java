package dev.odirect.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.suite.SuiteSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunnerTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    SuiteSettings options(String store, List<String> rules, Set<String> waivers, Map<String, String> notApplicable) {
        return SuiteSettings.builder().store(URI.create(store)).dir(dir).seed(11L).out(dir.resolve("out")).rule(rules)
                .waive(waivers).notApplicable(notApplicable).build();
    }

    CheckReport run(String store, List<String> rules, Set<String> waivers, Map<String, String> notApplicable)
            throws CheckSetupException, IOException {
        return CheckRunner.run(options(store, rules, waivers, notApplicable),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    JsonNode summary() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
    }

    static JsonNode rule(JsonNode summary, String id) {
        for (JsonNode rule : summary.get("rules")) {
            if (rule.path("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError(id + " is not in " + summary);
    }

    @Test
    void writesSummaryJunitAndAllureResultsInTheDocumentedShape() throws Exception {
        CheckReport report = run("direct:///", List.of("STREAM-2", "KEY-1", "ERROR-1"), Set.of(), Map.of());
        JsonNode summary = summary();
        assertEquals("odirect-reference", summary.at("/store/name").asText());
        assertTrue(summary.at("/store/version").isTextual());
        for (String field : List.of("type", "path", "dio_mem_align", "dio_offset_align")) {
            assertTrue(summary.at("/filesystem").has(field), field);
        }
        assertEquals(11, summary.get("seed").asLong());
        assertEquals(3, summary.get("rules").size());
        for (String field : List.of("id", "level", "status", "reason", "waived", "message")) {
            assertTrue(summary.get("rules").get(0).has(field), field);
        }
        assertEquals(2, summary.at("/counts/passed").asInt());
        assertEquals(1, summary.at("/counts/not-run").asInt());
        assertEquals(0, summary.at("/counts/failed").asInt());
        assertEquals("not-run", rule(summary, "ERROR-1").path("status").asText());
        assertTrue(rule(summary, "ERROR-1").path("reason").asText().contains("--full-dir"));
        try (Stream<Path> junit = Files.list(dir.resolve("out/junit"));
             Stream<Path> allure = Files.list(dir.resolve("out/allure-results"))) {
            assertTrue(junit.anyMatch(p -> p.toString().endsWith(".xml")));
            assertTrue(allure.anyMatch(p -> p.toString().endsWith("-result.json")));
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.matches("(?s).*PASS +STREAM-2 .*") && printed.contains("NOT RUN ERROR-1 "), printed);
        assertEquals(Verdict.NOT_PROVEN, report.verdict().verdict());
    }

    @Test
    void aMustRuleThatDidNotRunLeavesTheStoreNotProvenAndSaysWhy() throws Exception {
        CheckReport report = run("direct:///", List.of("STREAM-2", "ERROR-1"), Set.of(), Map.of());
        assertEquals(ExitStatus.NOT_PROVEN, report.exitStatus());
        assertEquals("not-proven", summary().path("verdict").asText());
        String line = report.verdict().line();
        assertTrue(line.startsWith("not proven: ERROR-1 (needs a directory on a small filesystem")
                && line.endsWith("; waive with --waive ERROR-1"), line);
        assertEquals("1 passed, 0 failed, 0 warned, 1 skipped", report.verdict().counts().line());
    }

    @Test
    void aWaivedRuleThatDidNotRunDoesNotBlockAndIsListed() throws Exception {
        CheckReport report = run("direct:///", List.of("STREAM-2", "ERROR-1"), Set.of("ERROR-1"), Map.of());
        assertEquals(ExitStatus.PROVEN, report.exitStatus());
        JsonNode summary = summary();
        assertEquals("passed", summary.path("verdict").asText());
        assertEquals("[\"ERROR-1\"]", summary.path("waived").toString());
        assertEquals("waived", rule(summary, "ERROR-1").path("status").asText());
        assertEquals("not-run", rule(summary, "ERROR-1").path("outcome").asText());
        assertTrue(report.verdict().line().endsWith("; waived: ERROR-1 (not run)"), report.verdict().line());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("WAIVED  ERROR-1 "));
    }

    @Test
    void rulesThatCannotApplyHereDoNotBlock() throws Exception {
        CheckReport report = run("file:///", List.of("STREAM-2", "DIRECT-1", "DURABLE-1"), Set.of(),
                Map.of("DURABLE-1", "a memory-only filesystem has nothing to persist across a crash"));
        assertEquals(ExitStatus.PROVEN, report.exitStatus(), report.verdict().line());
        JsonNode summary = summary();
        assertEquals("not-applicable", rule(summary, "DURABLE-1").path("status").asText());
        assertEquals("a memory-only filesystem has nothing to persist across a crash",
                rule(summary, "DURABLE-1").path("reason").asText());
        assertEquals("not-applicable", rule(summary, "DIRECT-1").path("status").asText());
        assertEquals(2, summary.at("/counts/not-applicable").asInt());
    }

    @Test
    void whenNoRuleRanTheVerdictIsAnError() throws Exception {
        CheckReport report = run("direct:///", List.of("ERROR-1"), Set.of("ERROR-1"), Map.of());
        assertEquals(ExitStatus.ERROR, report.exitStatus());
        assertTrue(report.verdict().line().startsWith("error: no rule ran: ERROR-1 not run (needs a directory"),
                report.verdict().line());
    }

    @Test
    void aFailedMustRuleMakesTheExitStatusOneAndItsReasonIsTheObservation() throws Exception {
        CheckReport report = run("mutant:aligned-part-lost", List.of("STREAM-2"), Set.of(), Map.of());
        assertEquals(ExitStatus.MUST_FAILED, report.exitStatus());
        assertEquals("failed: STREAM-2", report.verdict().line());
        RuleResult stream = report.results().get(0);
        String cell = stream.failure().cell();
        assertEquals("STREAM-2 [" + cell + "]: 4096 B acknowledged, 0 B on disk", stream.failure().signature());
        assertTrue(stream.message().startsWith(stream.failure().signature() + System.lineSeparator()), stream.message());
        assertTrue(stream.message().contains("found    @0: [end of data]"), stream.message());
        assertEquals("4096 B acknowledged, 0 B on disk", stream.shortReason());
        JsonNode inSummary = rule(summary(), "STREAM-2");
        assertEquals(stream.failure().signature(), inSummary.path("signature").asText());
        assertEquals("wrong-size", inSummary.path("category").asText());
        assertEquals("check", inSummary.path("phase").asText());
        assertEquals(4096, inSummary.at("/failure/observation/mismatch/expectedBytes").asLong());
        assertEquals(0, inSummary.at("/failure/observation/mismatch/foundBytes").asLong());
        assertEquals(stream.failure(), RuleResult.from(inSummary).failure(), "read back as the same value");
        JsonNode allure = allureResult(inSummary.path("allure_uuid").asText());
        assertEquals("STREAM-2 [" + cell + "] seed project streams are exact", allure.path("name").asText());
        assertEquals(cell, allure.at("/parameters/0/value").asText());
        assertTrue(allure.at("/links/0/url").asText().matches("conformance/SPEC\\.md#L\\d+"), allure.path("links").toString());
        assertTrue(allure.at("/statusDetails/message").asText().startsWith(stream.failure().signature()));
        assertTrue(allure.at("/statusDetails/trace").asText().startsWith("odirect-category: wrong-size\n"));
        JsonNode steps = allure.path("steps");
        JsonNode last = steps.get(steps.size() - 1);
        assertEquals("failed", last.path("status").asText(), steps.toString());
        assertTrue(last.at("/statusDetails/message").asText().contains("expected 4096 bytes, found 0 bytes"), last.toString());
        String executor = Files.readString(dir.resolve("out/allure-results/executor.json"));
        assertTrue(executor.contains("odirect check --dir ") && executor.contains(" --store mutant:aligned-part-lost "), executor);
    }

    JsonNode allureResult(String uuid) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/allure-results/" + uuid + "-result.json").toFile());
    }

    /** The steps are the failing, shrunk execution's: its keys, not those of the shrinker's last try. */
    @Test
    void aPropertysEvidenceIsTheFailingExecutions() throws Exception {
        CheckReport report = run("mutant:aligned-part-lost", List.of("STATE-1"), Set.of(), Map.of());
        RuleResult state = report.results().get(0);
        java.util.regex.Matcher prefix = java.util.regex.Pattern.compile("\\b(s\\d+/)").matcher(state.failure().observation().what());
        assertTrue(prefix.find(), state.failure().observation().what());
        JsonNode allure = allureResult(rule(summary(), "STATE-1").path("allure_uuid").asText());
        List<String> storeSteps = new java.util.ArrayList<>();
        allure.path("steps").forEach(step -> storeSteps.add(step.path("name").asText()));
        storeSteps.remove(storeSteps.size() - 1);
        assertTrue(!storeSteps.isEmpty() && storeSteps.stream().allMatch(step -> step.contains(prefix.group(1))),
                prefix.group(1) + " in every step: " + storeSteps);
        assertTrue(state.message().contains("shrunk input ("), state.message());
    }

    @Test
    void unknownRulesAndWaiversMissingDirectoriesAndUnknownStoresAreSetupErrors() {
        assertTrue(assertThrows(CheckSetupException.class, () -> run("direct:///", List.of("NOPE-1"), Set.of(), Map.of()))
                .getMessage().contains("unknown rule [NOPE-1]"));
        assertTrue(assertThrows(CheckSetupException.class, () -> run("direct:///", List.of(), Set.of("DURABLE-9"), Map.of()))
                .getMessage().contains("unknown rule [DURABLE-9] in --waive"));
        assertTrue(assertThrows(CheckSetupException.class, () -> run("s3://bucket", List.of(), Set.of(), Map.of()))
                .getMessage().contains("no store provider"));
        SuiteSettings missing = SuiteSettings.builder().dir(dir.resolve("absent")).seed(1L).out(dir.resolve("out")).build();
        assertTrue(assertThrows(CheckSetupException.class, () -> CheckRunner.run(missing, System.out))
                .getMessage().contains("does not exist"));
    }
}
