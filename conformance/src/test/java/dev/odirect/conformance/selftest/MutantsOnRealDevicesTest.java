package dev.odirect.conformance.selftest;

import static dev.odirect.conformance.selftest.MutantsAreCaughtTest.assertCaughtBy;
import static dev.odirect.conformance.selftest.MutantsAreCaughtTest.runAgainst;
import static dev.odirect.conformance.suite.SuiteSettings.CRASH_CMD;
import static dev.odirect.conformance.suite.SuiteSettings.DIR;
import static dev.odirect.conformance.suite.SuiteSettings.FULL_DIR;
import static dev.odirect.conformance.suite.SuiteSettings.RECOVER_CMD;
import static dev.odirect.conformance.suite.SuiteSettings.SEED;
import static dev.odirect.conformance.suite.SuiteSettings.STORE;
import static dev.odirect.conformance.suite.SuiteSettings.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.conformance.suite.Durably;
import dev.odirect.store.testing.Commands;
import dev.odirect.store.testing.LoopFilesystem;
import dev.odirect.store.testing.SmallTmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mutants that only a real device shows: strict alignment (xfs on a 512-byte loop device),
 * a full filesystem (a 16 MiB tmpfs), a crash (xfs forced shutdown, then remount). Needs root and
 * loop devices; skipped with the reason elsewhere. The reference store passes the same rules here.
 */
class MutantsOnRealDevicesTest {
    static LoopFilesystem xfs;

    @BeforeAll
    static void mountXfs() throws IOException {
        Optional<String> why = LoopFilesystem.unavailable("xfs");
        if (why.isEmpty()) {
            xfs = LoopFilesystem.create("xfs", 512, 320L << 20, List.of("-q", "-f"), "");
        }
    }

    @AfterAll
    static void unmount() throws IOException {
        if (xfs != null) {
            xfs.close();
        }
    }

    static Path onXfs(String name) throws IOException {
        assumeTrue(xfs != null, LoopFilesystem.unavailable("xfs").orElse("xfs loop mount failed"));
        return xfs.newDirectory(name);
    }

    static Map<String, String> crashHook() {
        String mnt = xfs.mountPoint().toString();
        return Map.of(property(CRASH_CMD), "xfs_io -x -c shutdown " + mnt,
                property(RECOVER_CMD), "umount " + mnt + " && mount " + xfs.device() + " " + mnt);
    }

    static Stream<Proofs.Proof> proofsOnXfs() {
        return Proofs.at(Proofs.Place.XFS).stream();
    }

    static Stream<Proofs.Proof> proofsOnACrashedXfs() {
        return Proofs.at(Proofs.Place.XFS_CRASH).stream();
    }

    static Stream<Proofs.Proof> proofsOnAFullFilesystem() {
        return Proofs.at(Proofs.Place.FULL_FS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofsOnXfs")
    void mutantFailsOnXfs(Proofs.Proof proof) throws IOException {
        Path dir = onXfs(proof.mutant());
        assertCaughtBy(proof.mutant(), proof.rule(), runRule(proof, dir, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofsOnACrashedXfs")
    void mutantFailsAfterACrash(Proofs.Proof proof) throws IOException {
        Path dir = onXfs(proof.mutant());
        assertCaughtBy(proof.mutant(), proof.rule(), runRule(proof, dir, crashHook()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofsOnAFullFilesystem")
    void mutantFailsOnAFullFilesystem(Proofs.Proof proof) throws IOException {
        assumeTrue(Commands.isRoot(), "not run: needs root to mount a small tmpfs");
        try (SmallTmpfs full = SmallTmpfs.mount("16m")) {
            Path small = full.mountPoint();
            assertCaughtBy(proof.mutant(), proof.rule(), runRule(proof, small, Map.of(property(FULL_DIR), small.toString())));
        }
    }

    private static SuiteHarness.Result runRule(Proofs.Proof proof, Path dir, Map<String, String> extra) {
        return SuiteHarness.runRule(MutantsAreCaughtTest.parameters(proof.mutant(), dir, extra), proof.rule());
    }

    @Test
    void theUnalignedBufferIsInvisibleOnTmpfs() throws IOException {
        String mutant = "unaligned-buffer-einval-swallowed";
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm), "no /dev/shm to show the tmpfs side");
        Path dir = Files.createTempDirectory(shm, "odirect-unaligned-");
        try {
            Map<String, SuiteHarness.Result> onTmpfs = runAgainst(mutant, dir, Map.of());
            assertEquals("passed", onTmpfs.get("STREAM-2").status(), "tmpfs accepts any alignment: " + onTmpfs.get("STREAM-2"));
        } finally {
            Durably.deleteTree(dir);
        }
    }

    @Test
    void theReferenceStoreIsDurableDirectAndBuffered() throws IOException {
        for (String store : List.of("direct:///", "file:///")) {
            Map<String, String> reference = new HashMap<>(crashHook());
            reference.putAll(Map.of(property(STORE), store, property(DIR), onXfs("reference").toString(),
                    property(SEED), "7"));
            for (String rule : List.of("DURABLE-1", "DURABLE-2", "CLEAN-3")) {
                assertEquals("passed", SuiteHarness.runRule(reference, rule).status(), store + " " + rule);
            }
        }
    }

    /** No false alarm: stores that never make temporary files, and one that sweeps its own at open. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"naive-correct", "in-place-correct", "renaming-correct"})
    void correctStoresLeaveNothingAfterACrash(String store) throws IOException {
        Path dir = onXfs(store);
        assertEquals("passed", runRule(new Proofs.Proof(store, "CLEAN-3", Proofs.Place.XFS_CRASH), dir, crashHook()).status());
    }

    @Test
    void directStoresPassThePageCacheRulesOnXfs() throws IOException {
        for (String store : List.of("mutant:naive-correct", "direct:///")) {
            Map<String, String> parameters = Map.of(property(STORE), store,
                    property(DIR), onXfs("direct-reads").toString(), property(SEED), "7");
            for (String rule : List.of("DIRECT-1", "DIRECT-2")) {
                assertEquals("passed", SuiteHarness.runRule(parameters, rule).status(), store + " " + rule);
            }
        }
    }

    @Test
    void theReferenceStoreAnswersAFullFilesystem() throws IOException {
        assumeTrue(Commands.isRoot(), "not run: needs root to mount a small tmpfs");
        try (SmallTmpfs full = SmallTmpfs.mount("16m")) {
            Path small = full.mountPoint();
            Map<String, String> reference = Map.of(property(STORE), "direct:///", property(DIR), small.toString(),
                    property(FULL_DIR), small.toString(), property(SEED), "7");
            for (String rule : List.of("ERROR-1", "ERROR-2", "CLEAN-2")) {
                assertEquals("passed", SuiteHarness.runRule(reference, rule).status(), rule);
            }
        }
    }
}
