package dev.odirect.conformance.selftest;

import static dev.odirect.conformance.selftest.MutantsAreCaughtTest.assertCaughtBy;
import static dev.odirect.conformance.selftest.MutantsAreCaughtTest.runAgainst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.store.testing.Commands;
import dev.odirect.store.testing.LoopFilesystem;
import dev.odirect.store.testing.SmallTmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        return Map.of("odirect.crash", "xfs_io -x -c shutdown " + mnt,
                "odirect.recover", "umount " + mnt + " && mount " + xfs.device() + " " + mnt);
    }

    @Test
    void unalignedBufferIsCaughtOnXfsAndInvisibleOnTmpfs() throws IOException {
        String mutant = "unaligned-buffer-einval-swallowed";
        assertCaughtBy(mutant, "STREAM-2", runAgainst(mutant, onXfs("unaligned"), Map.of()));
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm), "no /dev/shm to show the tmpfs side");
        Path dir = Files.createTempDirectory(shm, "odirect-unaligned-");
        try {
            Map<String, SuiteHarness.Result> onTmpfs = runAgainst(mutant, dir, Map.of());
            assertEquals("passed", onTmpfs.get("STREAM-2").status(), "tmpfs accepts any alignment: " + onTmpfs.get("STREAM-2"));
        } finally {
            dev.odirect.conformance.suite.Durably.deleteTree(dir);
        }
    }

    @Test
    void noFsyncIsCaughtAndTheReferenceIsDurableDirectAndBuffered() throws IOException {
        Map<String, SuiteHarness.Result> noFsync = runAgainst("no-fsync", onXfs("nofsync"), crashHook());
        assertCaughtBy("no-fsync", "DURABLE-1", noFsync);
        assertCaughtBy("no-fsync", "DURABLE-2", noFsync);
        for (String store : List.of("direct:///", "file:///")) {
            Map<String, String> reference = new java.util.HashMap<>(crashHook());
            reference.putAll(Map.of("odirect.store", store, "odirect.dir", onXfs("reference").toString(),
                    "odirect.seed", "7"));
            Map<String, SuiteHarness.Result> results = SuiteHarness.run(reference);
            assertEquals("passed", results.get("DURABLE-1").status(), store + " " + results.get("DURABLE-1"));
            assertEquals("passed", results.get("DURABLE-2").status(), store + " " + results.get("DURABLE-2"));
        }
    }

    @Test
    void silentlyBufferedIsCaughtWhereODirectBypassesTheCache() throws IOException {
        assertCaughtBy("silently-buffered", "DIRECT-1", runAgainst("silently-buffered", onXfs("buffered"), Map.of()));
    }

    @Test
    void bufferedReadsAreCaughtWhereODirectBypassesTheCacheAndDirectGetsPass() throws IOException {
        assertCaughtBy("buffered-reads", "DIRECT-2", runAgainst("buffered-reads", onXfs("buffered-reads"), Map.of()));
        for (String store : List.of("mutant:naive-correct", "direct:///")) {
            Map<String, SuiteHarness.Result> results = SuiteHarness.run(Map.of("odirect.store", store,
                    "odirect.dir", onXfs("direct-reads").toString(), "odirect.seed", "7"));
            assertEquals("passed", results.get("DIRECT-2").status(), store + " " + results.get("DIRECT-2"));
        }
    }

    @Test
    void swallowedErrorsAreCaughtOnAFullFilesystemAndTheReferenceAnswersThem() throws IOException {
        assumeTrue(Commands.isRoot(), "not run: needs root to mount a small tmpfs");
        try (SmallTmpfs full = SmallTmpfs.mount("16m")) {
            Path small = full.mountPoint();
            Map<String, String> fullDir = Map.of("odirect.full.dir", small.toString());
            assertCaughtBy("errors-swallowed", "ERROR-1", runAgainst("errors-swallowed", small, fullDir));
            Map<String, String> reference = Map.of("odirect.store", "direct:///", "odirect.dir", small.toString(),
                    "odirect.full.dir", small.toString(), "odirect.seed", "7");
            assertEquals("passed", SuiteHarness.run(reference).get("ERROR-1").status());
        }
    }
}
