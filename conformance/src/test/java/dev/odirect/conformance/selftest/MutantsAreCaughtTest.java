package dev.odirect.conformance.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.conformance.suite.RuleCatalog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
    @TempDir
    Path dir;

    static Map<String, String> parameters(String mutant, Path dir, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(Map.of("odirect.store", "mutant:" + mutant,
                "odirect.dir", dir.toString(), "odirect.seed", "7"));
        parameters.putAll(extra);
        return parameters;
    }

    static Map<String, SuiteHarness.Result> runAgainst(String mutant, Path dir, Map<String, String> extra) {
        return SuiteHarness.run(parameters(mutant, dir, extra));
    }

    static void assertCaughtBy(String mutant, String rule, SuiteHarness.Result result) {
        assertEquals("failed", result.status(), mutant + " must fail " + rule + ", got " + result);
        assertTrue(result.message().contains("[" + rule + " "), "the message names the rule: " + result.message());
        assertTrue(result.message().contains("mutant " + mutant), "the message names the store: " + result.message());
        assertTrue(result.message().contains("replay: odirect check"), "the message says how to replay");
    }

    static Stream<Proofs.Proof> proofsOnTmp() {
        return Proofs.at(Proofs.Place.TMP).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofsOnTmp")
    void mutantFailsTheRuleOfItsFault(Proofs.Proof proof) {
        assertCaughtBy(proof.mutant(), proof.rule(),
                SuiteHarness.runRule(parameters(proof.mutant(), dir, Map.of()), proof.rule()));
    }

    /** The correct stores pass every MUST rule; the warnings they may give are named. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"naive-correct", "in-place-correct"})
    void correctStoresFailNoMustRule(String store) {
        List<String> allowedWarnings = store.equals("in-place-correct") ? List.of("VISIBLE-1") : List.of();
        runAgainst(store, dir, Map.of()).forEach((rule, result) -> {
            boolean must = RuleCatalog.rule(rule).orElseThrow().level() == RuleCatalog.Level.MUST;
            if (must || !allowedWarnings.contains(rule)) {
                assertTrue(!result.status().equals("failed"), store + " " + rule + " " + result);
            }
        });
    }
}
