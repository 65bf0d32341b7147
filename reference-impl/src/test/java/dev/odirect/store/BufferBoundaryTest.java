package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.odirect.store.testing.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Objects many times the buffer, in chunks that straddle its end, and the I/O sizes that gives. */
class BufferBoundaryTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(TailStrategy.class)
    void chunksStraddlingTheBufferEndKeepTheirOrder(TailStrategy tail) throws IOException {
        DirectStore store = DirectStores.open(URI.create("direct://" + root),
                StoreConfig.defaults().withBufferSize(8192).withTail(tail));
        Random random = new Random(99);
        int[] sizes = new int[200];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(20000);
        }
        byte[] expected = TestData.bytes(TestData.total(sizes), 5);
        try (ObjectWriter writer = store.openWriter("big")) {
            for (ByteBuffer chunk : TestData.chunks(expected, sizes)) {
                writer.writeChunk(chunk);
            }
            writer.finish();
        }
        assertFileHolds(root.resolve("big"), expected);
    }

    @Test
    void writesAreBufferSizedNotOnePerBlock() throws IOException {
        int buffer = 1 << 20;
        DirectStore store = DirectStores.open(URI.create("direct://" + root), StoreConfig.defaults().withBufferSize(buffer));
        byte[] data = TestData.bytes(8 * buffer, 3);
        try (ObjectWriter writer = store.openWriter("big")) {
            for (int at = 0; at < data.length; at += 4096) {
                writer.writeChunk(ByteBuffer.wrap(data, at, 4096));
            }
            writer.finish();
        }
        assertEquals(8, store.counters().snapshot().writeSyscalls(), "one pwrite per full buffer");
        assertFileHolds(root.resolve("big"), data);
    }
}
