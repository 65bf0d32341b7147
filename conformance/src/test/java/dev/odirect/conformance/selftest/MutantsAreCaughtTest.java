package dev.odirect.conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every deliberately broken store fails the rule that names its fault, with a message that names
 * the rule; the correct naive store fails none. These run on /tmp; mutants that need a strictly
 * aligned, full or crashable filesystem are in {@link MutantsOnRealDevicesTest}.
 */
class MutantsAreCaughtTest {
    /** PUT-1 shows "1048576 bytes (data seed 5)", STREAM-1 "chunks [1048576] (1048576 bytes, data seed 5)". */
    static final Pattern SHRUNK_TO_ONE_BUFFER = Pattern.compile("shrunk input \\([^)]*\\): (chunks \\[1048576] \\()?1048576 bytes");

    @TempDir
    Path dir;

    static Map<String, SuiteHarness.Result> runAgainst(String mutant, Path dir, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(parameters(mutant, dir, 7));
        parameters.putAll(extra);
        return SuiteHarness.run(parameters);
    }

    static Map<String, String> parameters(String mutant, Path dir, long seed) {
        return Map.of("odirect.store", "mutant:" + mutant, "odirect.dir", dir.toString(), "odirect.seed", Long.toString(seed));
    }

    static void assertCaughtBy(String mutant, String rule, Map<String, SuiteHarness.Result> results) {
        SuiteHarness.Result result = results.get(rule);
        assertEquals("failed", result.status(), mutant + " must fail " + rule + ", got " + result);
        assertTrue(result.message().contains("[" + rule + " "), "the message names the rule: " + result.message());
        assertTrue(result.message().contains("mutant " + mutant), "the message names the store: " + result.message());
        assertTrue(result.message().contains("replay: odirect check"), "the message says how to replay");
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @CsvSource({
        "aligned-part-lost, STREAM-2",
        "tail-padded-not-truncated, STREAM-2",
        "truncating-reopen-before-tail, STREAM-2",
        "last-aligned-block-lost, STREAM-2",
        "chunks-reordered, STREAM-2",
        "every-chunk-padded, STREAM-2",
        "empty-chunk-refused, STREAM-3",
        "keys-not-checked, KEY-1",
    })
    void mutantFailsTheRuleOfItsFault(String mutant, String rule) {
        Map<String, SuiteHarness.Result> results = runAgainst(mutant, dir, Map.of());
        assertCaughtBy(mutant, rule, results);
        if (rule.startsWith("STREAM-")) {
            assertEquals("failed", results.get("STREAM-1").status(), "the stream property finds it too");
            System.out.println(mutant + ": " + results.get("STREAM-1").message());
        }
    }

    /** The rule about buffer ends fails it, and the properties reach a full last buffer by construction, whatever the seed. */
    @Test
    void aLostFullBufferIsCaughtByTheBufferRuleAndThePropertiesOnEverySeed() {
        String mutant = "full-buffer-lost";
        List<String> rules = List.of("SIZE-3", "STREAM-1", "PUT-1");
        List<String> missed = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            Map<String, SuiteHarness.Result> results = SuiteHarness.run(parameters(mutant, dir, seed), rules);
            for (String rule : rules) {
                SuiteHarness.Result result = results.get(rule);
                if (!result.status().equals("failed")) {
                    missed.add(rule + " on seed " + seed + ": " + result);
                    continue;
                }
                assertCaughtBy(mutant, rule, results);
                if (!rule.startsWith("SIZE-")) {
                    assertTrue(SHRUNK_TO_ONE_BUFFER.matcher(result.message()).find() && result.message().contains("(seed "),
                            rule + " shrinks to the lost buffer and gives the seed: " + result.message());
                }
            }
        }
        assertEquals(List.of(), missed);
    }

    @Test
    void theCorrectNaiveStoreFailsNoRule() {
        runAgainst("naive-correct", dir, Map.of()).forEach((rule, result) ->
                assertTrue(!result.status().equals("failed"), rule + " " + result));
    }
}
