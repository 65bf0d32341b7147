package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.store.testing.LoopFilesystem;
import dev.odirect.store.testing.TestData;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stream on a filesystem with less room than the store allocates ahead: the allocation fails,
 * ext4 has already allocated part of it and moved the file's end, and the object must still be
 * exactly what was written.
 */
class NearlyFullFilesystemTest {
    private static final int CHUNK = 700_000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext4", "xfs"})
    void aStreamWhoseAllocationAheadFailsKeepsItsExactSize(String type) throws Exception {
        Optional<String> why = LoopFilesystem.unavailable(type);
        assumeTrue(why.isEmpty(), why.orElse(""));
        List<String> mkfs = type.equals("xfs") ? List.of("-q", "-f") : List.of("-q", "-F", "-b", "4096");
        try (LoopFilesystem fs = LoopFilesystem.create(type, 512, 320L << 20, mkfs, "")) {
            Path root = fs.newDirectory("objects");
            long free = root.toFile().getFreeSpace(); // f_bfree: root may use the reserved blocks too
            try (RandomAccessFile filler = new RandomAccessFile(fs.mountPoint().resolve("filler").toFile(), "rw")) {
                filler.setLength(0);
                byte[] block = new byte[1 << 20];
                for (long left = free - (8L << 20); left > 0; left -= block.length) {
                    filler.write(block, 0, (int) Math.min(block.length, left));
                }
                filler.getFD().sync();
            }
            byte[] expected = TestData.bytes(2 * CHUNK + 17, 9);
            try (DirectStore store = DirectStores.open(URI.create("direct://" + root));
                 ObjectWriter writer = store.openWriter("k")) {
                writer.writeChunk(ByteBuffer.wrap(expected, 0, CHUNK));
                writer.writeChunk(ByteBuffer.wrap(expected, CHUNK, CHUNK));
                writer.writeChunk(ByteBuffer.wrap(expected, 2 * CHUNK, 17));
                assertEquals(expected.length, writer.finish().size());
            }
            assertFileHolds(root.resolve("k"), expected);
        }
    }
}
