package dev.odirect.conformance.selftest;

import static dev.odirect.conformance.suite.SuiteSettings.DIR;
import static dev.odirect.conformance.suite.SuiteSettings.SEED;
import static dev.odirect.conformance.suite.SuiteSettings.STORE;
import static dev.odirect.conformance.suite.SuiteSettings.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.conformance.suite.RuleCatalog;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference store, in process, fails no rule (on /tmp; the fs-matrix runs it on every cell),
 * direct and buffered: a store that writes through the page cache and syncs is no false alarm.
 * {@code -Dodirect.selftest.seeds=1-200 -Djava.io.tmpdir=/dev/shm} sweeps seeds on tmpfs.
 */
class ReferenceStoreConformanceTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"direct:///", "file:///"})
    void referenceStorePassesEveryRuleThatRunsHere(String store) {
        for (long seed : MutantsAreCaughtTest.seeds()) {
            Map<String, SuiteHarness.Result> results = SuiteHarness.run(Map.of(property(STORE), store,
                    property(DIR), dir.toString(), property(SEED), Long.toString(seed)));
            assertEquals(RuleCatalog.rules().keySet(), results.keySet(), "every rule of SPEC.md ran or was skipped");
            results.forEach((rule, result) -> assertTrue(!result.status().equals("failed"),
                    store + " " + rule + " (seed " + seed + ") " + result));
        }
    }
}
