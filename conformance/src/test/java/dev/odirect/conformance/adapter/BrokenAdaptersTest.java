package dev.odirect.conformance.adapter;

import dev.odirect.conformance.evidence.Category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.run.CheckReport;
import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.run.RuleResult;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.SessionLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Adapters that break the protocol, and a store in process that hangs: the rule fails with a
 * message that says what came instead of an answer, and the run goes on with a fresh session for
 * the next rule.
 */
class BrokenAdaptersTest {
    static final String HELLO = "echo '{\"ok\":true,\"protocol\":1,\"name\":\"broken\",\"version\":\"0\","
            + "\"ops\":[\"hello\",\"put\",\"open\",\"write\",\"finish\",\"get\",\"bye\"]}'";
    /** Refuses every request except hello; the answers HANDLE-3 wants. */
    static final String REFUSE = "echo '{\"ok\":false,\"error\":\"EBADHANDLE\",\"message\":\"refused\"}'";

    static final SessionLimits QUICK_TIMEOUT = SessionLimits.DEFAULTS.withTimeout(Duration.ofSeconds(2));

    @TempDir
    Path dir;

    Path script(String body) throws IOException {
        return script(HELLO, body);
    }

    Path script(String hello, String body) throws IOException {
        Path file = Files.createTempFile(dir, "adapter-", ".sh");
        Files.writeString(file, "#!/bin/sh\nread hello\n" + hello + "\n" + body + "\n");
        return file;
    }

    Map<String, RuleResult> check(String adapter, List<String> rules) throws Exception {
        return check(adapter, rules, QUICK_TIMEOUT);
    }

    Map<String, RuleResult> check(String adapter, List<String> rules, SessionLimits limits) throws Exception {
        return check(Optional.empty(), Optional.of(adapter), rules, limits);
    }

    Map<String, RuleResult> checkInProcess(URI store, List<String> rules, SessionLimits limits) throws Exception {
        return check(Optional.of(store), Optional.empty(), rules, limits);
    }

    private Map<String, RuleResult> check(Optional<URI> store, Optional<String> adapter, List<String> rules,
                                          SessionLimits limits) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        CheckOptions options = new CheckOptions(store, adapter, work, Profile.QUICK, 1,
                dir.resolve("out"), rules, Optional.empty(), Optional.empty(), Optional.empty(), limits,
                true, Optional.empty(), Optional.empty(), Set.of(), Map.of());
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
        assertTrue(put.message().startsWith("PUT-1 [") && put.message().contains("closed its output before answering put")
                && put.message().contains("status 3"), put.message());
        assertEquals(Category.SESSION_BROKE, put.failure().category(), "a broken adapter is filed as a protocol error");
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
    void anEndlessAnswerLineBreaksTheSessionAtTheLimitInsteadOfFillingMemory() {
        String endless = "sh -c 'read l; head -c 300000000 /dev/zero | tr \"\\0\" a'";
        CheckSetupException setup = Assertions.assertThrows(CheckSetupException.class,
                () -> check(endless, List.of("PUT-1"), QUICK_TIMEOUT.withMaxLine(1 << 20)));
        assertTrue(setup.getMessage().contains("its answer to hello is longer than 1048576 bytes (--adapter-max-line)"),
                setup.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"protocol\":2       | with protocol 2",
        "\"protocol\":\"1\"     | with protocol \"1\"",
        "\"protocols\":[1]    | without a protocol version"})
    void anAdapterThatAnswersHelloWithAnotherProtocolIsRefused(String protocol, String answered) throws IOException {
        Path other = script(HELLO.replace("\"protocol\":1", protocol), "");
        CheckSetupException setup = Assertions.assertThrows(CheckSetupException.class,
                () -> check("sh " + other, List.of("PUT-1")));
        assertTrue(setup.getMessage().contains("it answered hello " + answered + ", but this suite speaks protocol 1"),
                setup.getMessage());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a suite that hangs with the store fails
    void anInProcessStoreThatHangsBreaksItsSessionAndTheNextRuleGetsAFreshOne() throws Exception {
        Map<String, RuleResult> results = checkInProcess(URI.create("hang:///"), List.of("PUT-1", "STREAM-3"),
                QUICK_TIMEOUT.withTimeout(Duration.ofSeconds(1)));
        RuleResult put = results.get("PUT-1");
        assertEquals(RuleStatus.FAILED, put.status());
        assertTrue(put.message().contains("store 'hang:///': no answer to put within 1 s (--timeout)"), put.message());
        RuleResult open = results.get("STREAM-3");
        assertEquals(RuleStatus.FAILED, open.status());
        assertTrue(open.message().contains("store 'hang:///': no answer to open within 1 s (--timeout)"), open.message());
    }

    @Test
    void anAdapterThatDoesNotStartIsASetupError() {
        CheckSetupException setup = Assertions.assertThrows(CheckSetupException.class,
                () -> check("/nonexistent/adapter --flag", List.of()));
        assertTrue(setup.getMessage().contains("could not start a session"), setup.getMessage());
    }
}
