package dev.odirect.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.store.testing.CapturedLog;
import dev.odirect.store.testing.Commands;
import dev.odirect.store.testing.LoopFilesystem;
import dev.odirect.store.testing.SmallTmpfs;
import dev.odirect.store.testing.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Never a silent "direct": what the store says about direct I/O in results, counters and the log. */
class DirectIoReportingTest {
    private static final int FOUR_MIB = 4 << 20;

    /** tmpfs accepts O_DIRECT and keeps all 1,024 pages of a 4 MiB object cached (fincore shows it). */
    @Test
    void tmpfsWritesAreReportedNotVerifiedAndWarnedOncePerFilesystem() throws IOException {
        assumeTrue(Commands.isRoot(), "not run: needs root to mount a tmpfs");
        try (SmallTmpfs tmpfs = SmallTmpfs.mount("64m");
             DirectStore store = DirectStores.open(URI.create("direct://" + tmpfs.mountPoint()));
             CapturedLog log = CapturedLog.start()) {
            List<WriteResult> results = List.of(put(store, "a"), put(store, "b"), put(store, "c"));
            store.get("a");

            for (WriteResult result : results) {
                assertEquals(DirectIoVerdict.Kind.DIRECT_NOT_VERIFIED, result.directIo().kind(), result.toString());
                assertTrue(result.directIo().reason().orElseThrow().contains("tmpfs"), result.toString());
                assertTrue(result.fallbackReason().isEmpty(), "O_DIRECT was accepted: not a fallback");
            }
            StoreCounters.Snapshot counters = store.counters().snapshot();
            assertEquals(0, counters.bytesWrittenDirect(), counters.toString());
            assertEquals(3L * FOUR_MIB, counters.bytesWrittenDirectNotVerified(), counters.toString());
            assertEquals(1, log.at(Level.WARNING, "not verified").size(), log.at(Level.WARNING).toString());
            assertEquals(2, log.at(Level.FINE, "not verified").size(), "later writes at DEBUG");
            assertTrue(log.at(Level.WARNING, "read ").isEmpty(), "a read is no warning: " + log.at(Level.WARNING));
        }
    }

    /** Where statx gives the alignment on a filesystem with a device the store says DIRECT, elsewhere not. */
    @Test
    void theVerdictFollowsWhereTheAlignmentCameFrom(@TempDir Path root) throws IOException {
        try (DirectStore store = DirectStores.open(URI.create("direct://" + root))) {
            WriteResult result = put(store, "k");
            boolean vouched = result.alignment().source() == DioAlignment.Source.STATX
                    && !List.of("tmpfs", "ramfs").contains(Files.getFileStore(root).type());
            assertEquals(vouched ? DirectIoVerdict.Kind.DIRECT : DirectIoVerdict.Kind.DIRECT_NOT_VERIFIED,
                    result.directIo().kind(), result.toString());
            StoreCounters.Snapshot counters = store.counters().snapshot();
            assertEquals(FOUR_MIB, vouched ? counters.bytesWrittenDirect() : counters.bytesWrittenDirectNotVerified());
        }
    }

    /** ext4 data=journal refuses O_DIRECT for every file: one WARNING for writes, none for reads, every fallback counted. */
    @Test
    void aFallbackIsWarnedOncePerFilesystemForWritesAndCountedEveryTime() throws IOException {
        try (LoopFilesystem fs = LoopDeviceStoreTest.loop("ext4", 512, 64L << 20, List.of("-q", "-F", "-b", "4096"),
                "data=journal");
             DirectStore store = DirectStores.open(URI.create("direct://" + fs.newDirectory("r")));
             CapturedLog log = CapturedLog.start()) {
            put(store, "a");
            put(store, "b");
            put(store, "c");
            store.get("a");
            store.get("b");

            assertEquals(1, log.at(Level.WARNING, "fallback=BUFFERED").size(), log.at(Level.WARNING).toString());
            assertEquals(1, log.at(Level.INFO, "fallback=BUFFERED").size(), "the first read: " + log.at(Level.INFO));
            assertEquals(3, log.at(Level.FINE, "fallback=BUFFERED").size(), "later files at DEBUG");
            assertTrue(log.at(Level.WARNING, "read ").isEmpty(), "a read is no warning: " + log.at(Level.WARNING));
            assertEquals(5, store.counters().snapshot().directFallbacks());
        }
    }

    private static WriteResult put(DirectStore store, String key) throws StoreIOException {
        return store.put(key, ByteBuffer.wrap(TestData.bytes(FOUR_MIB, key.hashCode())));
    }
}
