package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.SessionLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-state exploration tested against stores whose durability bugs only it can show, on
 * every crash-capable cell: each fails DURABLE-1 (or its SHOULD rule) on every seed, and the
 * correct stores pass with no false alarm. One seed and one cell per store by default (the stores
 * take turns over the cells); {@code -Dodirect.selftest.seeds=1-20 -Dodirect.selftest.cells=all}
 * sweeps them all.
 */
class CrashStatesSelfTest {
    static final List<String> CRASH_CAPABLE = List.of("ext4", "xfs", "xfs-4k", "btrfs");
    /** Every crash-capable cell with {@code -Dodirect.selftest.cells=all}; by default one, per test, to keep CI short. */
    private static final boolean ALL_CELLS = "all".equals(System.getProperty("odirect.selftest.cells"));

    @TempDir
    Path out;

    /** The durability rules of each crash-capable cell, for {@code store} with {@code seed}. */
    JsonNode durability(String store, long seed, List<String> cells) throws Exception {
        assumeTrue(HostCommands.isRoot(), "not run: the matrix needs root to mount its cells");
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "not run: the block recorder needs /dev/fuse");
        CheckOptions check = new CheckOptions(Optional.of(URI.create(store)), Optional.empty(), out, Profile.QUICK, seed,
                out, List.of("DURABLE-1", "DURABLE-3", "DURABLE-4"), Optional.empty(), Optional.empty(), Optional.empty(), SessionLimits.DEFAULTS, true,
                Optional.empty(), Optional.empty(), Set.of(), Map.of());
        MatrixOptions options = new MatrixOptions(check, cells, MatrixOptions.Mode.HOST, new MatrixOptions.Shard(1, 1),
                out.resolve(store.replace(':', '-') + "-" + seed), Optional.empty(), List.of());
        return new MatrixRunner(options, new PrintStream(new ByteArrayOutputStream()))
                .runOnHost(MatrixRunner.select(options)).json();
    }

    static long[] seeds() {
        String[] range = System.getProperty("odirect.selftest.seeds", "1").split("-");
        return LongStream.rangeClosed(Long.parseLong(range[0]), Long.parseLong(range[range.length - 1])).toArray();
    }

    /** Every cell's status of {@code rule} that is not {@code expected}, as "cell seed: status". */
    List<String> unexpected(String store, String rule, String expected) throws Exception {
        return unexpected(store, Map.of(rule, expected));
    }

    /** For each rule, the cells and seeds where its status is not the expected one. */
    List<String> unexpected(String store, Map<String, String> expected) throws Exception {
        List<String> cells = ALL_CELLS ? CRASH_CAPABLE
                : List.of(CRASH_CAPABLE.get(Math.floorMod(store.hashCode(), CRASH_CAPABLE.size())));
        List<String> wrong = new ArrayList<>();
        for (long seed : seeds()) {
            JsonNode matrix = durability(store, seed, cells);
            for (String cell : cells) {
                expected.forEach((rule, status) -> {
                    String found = MutantsInCellsTest.status(matrix, cell, rule);
                    if (!found.equals(status)) {
                        wrong.add(cell + " seed " + seed + " " + rule + ": " + found);
                    }
                });
            }
        }
        return wrong;
    }

    @Test
    void anInPlaceOverwriteAcknowledgedWithoutFdatasyncFailsEverywhere() throws Exception {
        assertEquals(List.of(), unexpected("mutant:overwrite-unsynced", "DURABLE-1", "failed"));
    }

    @Test
    void aRenameWhoseDirectoryIsNotSyncedFailsEverywhere() throws Exception {
        assertEquals(List.of(), unexpected("mutant:rename-without-dir-fsync", "DURABLE-1", "failed"));
    }

    @Test
    void aRenameBeforeTheDataIsSyncedFailsEverywhere() throws Exception {
        assertEquals(List.of(), unexpected("mutant:rename-before-sync", "DURABLE-1", "failed"));
    }

    @Test
    void aDeleteWhoseDirectoryIsNotSyncedWarnsEverywhere() throws Exception {
        assertEquals(List.of(), unexpected("mutant:delete-not-synced", "DURABLE-4", "warned"));
    }

    @Test
    void anInPlaceWriterWarnsThatWritesInFlightTear() throws Exception {
        assertEquals(List.of(), unexpected("mutant:in-place-correct", Map.of("DURABLE-3", "warned", "DURABLE-1", "passed")));
    }

    @Test
    void correctStoresPassWithoutFalseAlarm() throws Exception {
        for (String store : List.of("direct:///", "direct:///?tail=BUFFERED_REOPEN", "direct:///?tail=PAD_TRUNCATE",
                "mutant:renaming-correct", "mutant:naive-correct")) {
            assertEquals(List.of(), unexpected(store, "DURABLE-1", "passed"), store);
        }
    }
}
