package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static dev.odirect.store.testing.FileAssertions.assertNoTemporaryFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store on real devices: strict sector sizes, a filesystem that refuses O_DIRECT, a full one. */
class LoopDeviceStoreTest {
    static final long XFS_IMAGE = 320L << 20;

    static LoopFilesystem loop(String type, int sector, long size, List<String> mkfs, String mount) throws IOException {
        Optional<String> why = LoopFilesystem.unavailable(type);
        assumeTrue(why.isEmpty(), why.orElse(""));
        return LoopFilesystem.create(type, sector, size, mkfs, mount);
    }

    @ParameterizedTest(name = "xfs on {0}-byte sectors")
    @ValueSource(ints = {512, 4096})
    void everyStreamAndTailIsExactOnXfs(int sector) throws IOException {
        try (LoopFilesystem fs = loop("xfs", sector, XFS_IMAGE, List.of("-q", "-f"), "")) {
            for (TailStrategy tail : TailStrategy.values()) {
                Path root = fs.newDirectory(tail.name());
                try (DirectStore store = DirectStores.open(URI.create("direct://" + root),
                        StoreConfig.defaults().withTail(tail))) {
                    int n = 0;
                    for (int[] sizes : StreamingWriteTest.STREAMS) {
                        byte[] expected = TestData.bytes(TestData.total(sizes), n);
                        String key = "s" + n++;
                        try (ObjectWriter writer = store.openWriter(key)) {
                            assertEquals(sector, writer.alignment().offsetAlign(), writer.alignment().toString());
                            for (ByteBuffer chunk : TestData.chunks(expected, sizes)) {
                                writer.writeChunk(chunk);
                            }
                            WriteResult result = writer.finish();
                            assertTrue(result.fallbackReason().isEmpty());
                        }
                        assertFileHolds(root.resolve(key), expected);
                    }
                }
                assertNoTemporaryFiles(root);
            }
        }
    }

    @Test
    void directWritesLeaveNoPagesInTheCache() throws IOException {
        assumeTrue(Commands.tool("fincore").isPresent(), "not run: fincore (util-linux) is not installed");
        try (LoopFilesystem fs = loop("xfs", 512, XFS_IMAGE, List.of("-q", "-f"), "");
             DirectStore store = DirectStores.open(URI.create("direct://" + fs.newDirectory("r")))) {
            byte[] data = TestData.bytes(16 << 20, 1);
            WriteResult result = store.put("big", ByteBuffer.wrap(data));
            assertEquals(data.length, result.bytesDirect());
            String resident = Commands.run("fincore", "--bytes", "--noheadings", "--output", "RES",
                    result.path().toString()).trim();
            assertEquals("0", resident, "bytes of an O_DIRECT object resident in the page cache");
        }
    }

    /** Older kernels refuse the open with EINVAL; 6.x accepts it and reports no direct I/O in statx. */
    @Test
    void ext4DataJournalRefusesODirectAndTheStoreSaysItFellBack() throws IOException {
        try (LoopFilesystem fs = loop("ext4", 512, 64L << 20, List.of("-q", "-F", "-b", "4096"), "data=journal")) {
            Path root = fs.newDirectory("r");
            byte[] data = TestData.bytes(5096, 2);
            WriteResult result;
            try (DirectStore store = DirectStores.open(URI.create("direct://" + root))) {
                result = store.put("k", ByteBuffer.wrap(data));
            }
            String reason = result.fallbackReason().orElse("");
            assertTrue(reason.contains("EINVAL") || reason.contains("statx"), result.toString());
            assertEquals(data.length, result.bytesBuffered());
            assertFileHolds(root.resolve("k"), data);

            try (DirectStore strict = DirectStores.open(URI.create("direct://" + root),
                    StoreConfig.defaults().withFallback(FallbackPolicy.FAIL))) {
                StoreIOException refused = assertThrows(StoreIOException.class,
                        () -> strict.put("k2", ByteBuffer.wrap(data)));
                assertEquals("EINVAL", refused.errnoName());
            }
            assertFalse(Files.exists(root.resolve("k2")));
            assertNoTemporaryFiles(root);
        }
    }

    @Test
    void aFullFilesystemIsENOSPCAndNothingIsLeft() throws IOException {
        assumeTrue(Commands.isRoot(), "not run: needs root to mount a small tmpfs");
        try (SmallTmpfs full = SmallTmpfs.mount("1m");
             DirectStore store = DirectStores.open(URI.create("direct://" + full.mountPoint()))) {
            Path mount = full.mountPoint();
            StoreIOException error = assertThrows(StoreIOException.class,
                    () -> store.put("k", ByteBuffer.wrap(TestData.bytes(3 << 20, 3))));
            assertEquals("ENOSPC", error.errnoName(), error.getMessage());
            assertTrue(error.offset() >= 0, "the failing write's offset is reported");
            assertFalse(Files.exists(mount.resolve("k")));
            assertNoTemporaryFiles(mount);
        }
    }
}
