package dev.odirect.conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every deliberately broken store fails the rule that names its fault, with a message that names
 * the rule; the correct stores (a naive one that writes at finish, one that writes in place) fail
 * no MUST rule. These run on /tmp; the proofs that need a strictly aligned, full or crashable
 * filesystem are in {@link MutantsOnRealDevicesTest}.
 */
class MutantsAreCaughtTest {
    /** PUT-1 shows "1048576 bytes (data seed 5)", STREAM-1 "chunks [1048576] (1048576 bytes, data seed 5)". */
    static final Pattern SHRUNK_TO_ONE_BUFFER = Pattern.compile("shrunk input \\([^)]*\\): (chunks \\[1048576] \\()?1048576 bytes");

    @TempDir
    Path dir;

    /**
     * The seeds each proof runs with: one in CI; {@code -Dodirect.selftest.seeds=1-200} sweeps many,
     * to show a proof holds on every seed and a correct store never fails for its seed.
     */
    static List<Long> seeds() {
        String[] range = System.getProperty("odirect.selftest.seeds", "7").split("-");
        long first = Long.parseLong(range[0].trim());
        long last = range.length > 1 ? Long.parseLong(range[1].trim()) : first;
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    static Map<String, String> parameters(String mutant, Path dir, Map<String, String> extra, long seed) {
        Map<String, String> parameters = new HashMap<>(Map.of("odirect.store", "mutant:" + mutant,
                "odirect.dir", dir.toString(), "odirect.seed", Long.toString(seed)));
        parameters.putAll(extra);
        return parameters;
    }

    static Map<String, String> parameters(String mutant, Path dir, Map<String, String> extra) {
        return parameters(mutant, dir, extra, seeds().get(0));
    }

    static Map<String, SuiteHarness.Result> runAgainst(String mutant, Path dir, Map<String, String> extra) {
        return SuiteHarness.run(parameters(mutant, dir, extra));
    }

    static void assertCaughtBy(String mutant, String rule, SuiteHarness.Result result) {
        assertEquals("failed", result.status(), mutant + " must fail " + rule + ", got " + result);
        String id = rule.split(" ")[0];
        assertTrue(result.message().contains(id + " ["), "the message names the rule and cell: " + result.message());
        assertTrue(result.message().contains("mutant " + mutant), "the message names the store: " + result.message());
        assertTrue(result.message().contains("replay: odirect check"), "the message says how to replay");
    }

    static Stream<Proofs.Proof> proofsOnTmp() {
        return Proofs.at(Proofs.Place.TMP).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofsOnTmp")
    void mutantFailsTheRuleOfItsFault(Proofs.Proof proof) {
        for (long seed : seeds()) {
            assertCaughtBy(proof.mutant(), proof.rule() + " (seed " + seed + ")",
                    SuiteHarness.runRule(parameters(proof.mutant(), dir, Map.of(), seed), proof.rule()));
        }
    }

    /** The correct stores pass every MUST rule; the warnings they may give are named. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"naive-correct", "in-place-correct"})
    void correctStoresFailNoMustRule(String store) {
        List<String> allowedWarnings = store.equals("in-place-correct") ? List.of("VISIBLE-1") : List.of();
        for (long seed : seeds()) {
            SuiteHarness.run(parameters(store, dir, Map.of(), seed)).forEach((rule, result) -> {
                if (!allowedWarnings.contains(rule)) {
                    assertTrue(!result.status().equals("failed"), store + " " + rule + " (seed " + seed + ") " + result);
                }
            });
        }
    }

    /** The rule about buffer ends fails it, and the properties reach a full last buffer by construction, whatever the seed. */
    @Test
    void aLostFullBufferIsCaughtByTheBufferRuleAndThePropertiesOnEverySeed() {
        String mutant = "full-buffer-lost";
        List<String> rules = List.of("SIZE-3", "STREAM-1", "PUT-1");
        List<String> missed = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            Map<String, SuiteHarness.Result> results = SuiteHarness.run(parameters(mutant, dir, Map.of(), seed), rules);
            for (String rule : rules) {
                SuiteHarness.Result result = results.get(rule);
                if (!result.status().equals("failed")) {
                    missed.add(rule + " on seed " + seed + ": " + result);
                    continue;
                }
                assertCaughtBy(mutant, rule, result);
                if (!rule.startsWith("SIZE-")) {
                    assertTrue(SHRUNK_TO_ONE_BUFFER.matcher(result.message()).find() && result.message().contains("(seed "),
                            rule + " shrinks to the lost buffer and gives the seed: " + result.message());
                }
            }
        }
        assertEquals(List.of(), missed);
    }
}
