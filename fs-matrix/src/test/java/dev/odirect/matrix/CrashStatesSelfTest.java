package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.conformance.selftest.Proofs;
import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.conformance.suite.SuiteSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules that need the block recorder, tested against stores whose bugs only it can show, on
 * the crash-capable cells: each broken store of {@link Proofs.Place#RECORDED} fails its rule (a
 * SHOULD rule warns) on every seed, never by luck, and the correct stores pass with no false alarm.
 * One seed and one cell per store by default (the stores take turns over the cells);
 * {@code -Dodirect.selftest.seeds=1-20 -Dodirect.selftest.cells=all} sweeps them all.
 * {@code -Dodirect.selftest.stores=direct:///,...} picks the correct stores to sweep.
 */
class CrashStatesSelfTest {
    static final List<String> CRASH_CAPABLE = List.of("ext4", "xfs", "xfs-4k", "btrfs");
    static final List<String> RULES = List.of("DURABLE-1", "DURABLE-3", "DURABLE-4", "ERROR-3", "CLEAN-3");
    private static final boolean ALL_CELLS = "all".equals(System.getProperty("odirect.selftest.cells"));

    @TempDir
    Path out;

    /** The recorded rules in {@code cells}, for {@code store} with {@code seed}. */
    JsonNode recorded(String store, long seed, List<String> cells) throws Exception {
        assumeTrue(HostCommands.isRoot(), "not run: the matrix needs root to mount its cells");
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "not run: the block recorder needs /dev/fuse");
        SuiteSettings check = SuiteSettings.builder().store(URI.create(store)).dir(out).seed(seed).out(out).rule(RULES)
                .build();
        MatrixOptions options = new MatrixOptions(check, cells, MatrixOptions.Mode.HOST, new MatrixOptions.Shard(1, 1),
                out.resolve(store.replace(':', '-') + "-" + seed), Optional.empty(), List.of());
        return new MatrixRunner(options, new PrintStream(new ByteArrayOutputStream()))
                .runOnHost(MatrixRunner.select(options)).json();
    }

    static long[] seeds() {
        String[] range = System.getProperty("odirect.selftest.seeds", "1").split("-");
        return LongStream.rangeClosed(Long.parseLong(range[0]), Long.parseLong(range[range.length - 1])).toArray();
    }

    /** For each rule, the cells and seeds where its status is not the expected one. */
    List<String> unexpected(String store, Map<String, String> expected) throws Exception {
        List<String> cells = ALL_CELLS ? CRASH_CAPABLE
                : List.of(CRASH_CAPABLE.get(Math.floorMod(store.hashCode(), CRASH_CAPABLE.size())));
        List<String> wrong = new ArrayList<>();
        for (long seed : seeds()) {
            JsonNode matrix = recorded(store, seed, cells);
            for (String cell : cells) {
                expected.forEach((rule, status) -> {
                    String found = MutantsInCellsTest.status(matrix, cell, rule);
                    if (!found.equals(status)) {
                        wrong.add(cell + " seed " + seed + " " + rule + ": " + found + reason(matrix, cell, rule));
                    }
                });
            }
        }
        return wrong;
    }

    /** Why the rule has its status in the cell, as the matrix says, or nothing. */
    static String reason(JsonNode matrix, String cell, String rule) {
        for (JsonNode c : matrix.path("cells")) {
            for (JsonNode r : c.path("rules")) {
                if (c.path("name").asText().equals(cell) && r.path("id").asText().equals(rule) && r.has("reason")) {
                    return " (" + r.path("reason").asText() + ")";
                }
            }
        }
        return "";
    }

    /** The proofs on the block recorder; {@code -Dodirect.selftest.mutants=a,b} keeps only those mutants. */
    static Stream<Proofs.Proof> recordedProofs() {
        List<String> only = List.of(System.getProperty("odirect.selftest.mutants", "").split(","));
        return Proofs.at(Proofs.Place.RECORDED).stream()
                .filter(proof -> only.equals(List.of("")) || only.contains(proof.mutant()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedProofs")
    void theBrokenStoreFailsItsRuleOnEverySeed(Proofs.Proof proof) throws Exception {
        boolean must = RuleCatalog.rule(proof.rule()).orElseThrow().level() == RuleCatalog.Level.MUST;
        assertEquals(List.of(), unexpected("mutant:" + proof.mutant(), Map.of(proof.rule(), must ? "failed" : "warned")));
    }

    @Test
    void correctStoresPassWithoutFalseAlarm() throws Exception {
        // the reference store's default (CLEAR_DIRECT) passes the crash states in MutantsInCellsTest and the CLI's matrix runs
        String stores = System.getProperty("odirect.selftest.stores", "direct:///?tail=BUFFERED_REOPEN,"
                + "direct:///?tail=PAD_TRUNCATE,mutant:renaming-correct,mutant:in-place-correct");
        for (String store : stores.split(",")) {
            assertEquals(List.of(), unexpected(store, Map.of("DURABLE-1", "passed", "ERROR-3", "passed", "CLEAN-3", "passed")),
                    store);
        }
    }
}
