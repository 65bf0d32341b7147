package dev.odirect.conformance.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.run.CheckReport;
import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.run.RuleResult;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.suite.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assertions;

/**
 * Adapters that break the protocol: the rule fails with a message that says what came instead of
 * an answer, and the run goes on with a fresh adapter for the next rule.
 */
class BrokenAdaptersTest {
    static final String HELLO = "echo '{\"ok\":true,\"protocol\":1,\"name\":\"broken\",\"version\":\"0\","
            + "\"ops\":[\"hello\",\"put\",\"open\",\"write\",\"finish\",\"get\",\"bye\"]}'";
    /** Refuses every request except hello; the answers HANDLE-3 wants. */
    static final String REFUSE = "echo '{\"ok\":false,\"error\":\"EBADHANDLE\",\"message\":\"refused\"}'";

    @TempDir
    Path dir;

    Path script(String body) throws IOException {
        Path file = Files.createTempFile(dir, "adapter-", ".sh");
        Files.writeString(file, "#!/bin/sh\nread hello\n" + HELLO + "\n" + body + "\n");
        return file;
    }

    Map<String, RuleResult> check(String adapter, List<String> rules) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        CheckOptions options = new CheckOptions(Optional.empty(), Optional.of(adapter), work, Profile.QUICK, 1,
                dir.resolve("out"), rules, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(2),
                true, Optional.empty(), Optional.empty(), java.util.Set.of(), Map.of());
        CheckReport report = CheckRunner.run(options, new PrintStream(new ByteArrayOutputStream()));
        return report.results().stream().collect(Collectors.toMap(RuleResult::id, r -> r));
    }

    @Test
    void anAdapterThatDiesFailsTheRuleAndTheNextRuleGetsAFreshOne() throws Exception {
        Path dies = script("while read line; do case \"$line\" in *'\"put\"'*) exit 3;; *'\"bye\"'*) echo '{\"ok\":true}'; exit 0;; *) "
                + REFUSE + ";; esac; done");
        Map<String, RuleResult> results = check("sh " + dies, List.of("PUT-1", "HANDLE-3"));
        RuleResult put = results.get("PUT-1");
        assertEquals(RuleStatus.FAILED, put.status());
        assertTrue(put.message().contains("[PUT-1 MUST]") && put.message().contains("closed its output before answering put")
                && put.message().contains("status 3"), put.message());
        assertEquals(RuleStatus.PASSED, results.get("HANDLE-3").status(), results.get("HANDLE-3").message());
    }

    @Test
    void garbageInsteadOfAnAnswerIsNamed() throws Exception {
        Path garbage = script("while read line; do echo 'this is not json'; done");
        RuleResult result = check("sh " + garbage, List.of("STREAM-2")).get("STREAM-2");
        assertEquals(RuleStatus.FAILED, result.status());
        assertTrue(result.message().contains("not JSON: 'this is not json'"), result.message());
    }

    @Test
    void aSilentAdapterTimesOut() throws Exception {
        Path silent = script("sleep 600");
        long start = System.nanoTime();
        RuleResult result = check("sh " + silent, List.of("STREAM-3")).get("STREAM-3");
        assertEquals(RuleStatus.FAILED, result.status());
        assertTrue(result.message().contains("no answer to open within 2 s"), result.message());
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "the run did not hang on the silent adapter");
    }

    @Test
    void anAdapterThatDoesNotStartIsASetupError() {
        CheckSetupException setup = Assertions.assertThrows(CheckSetupException.class,
                () -> check("/nonexistent/adapter --flag", List.of()));
        assertTrue(setup.getMessage().contains("could not start a session"), setup.getMessage());
    }
}
