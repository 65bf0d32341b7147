package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.matrix.blocks.BlockDevice;
import dev.odirect.matrix.blocks.FuseServer;
import dev.odirect.store.DirectStore;
import dev.odirect.store.DirectStores;
import dev.odirect.store.StoreIOException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference store reading a file whose every read comes back short, as a network filesystem's
 * may: served through FUSE (direct_io, so each read reaches the server). A short read mid-file must
 * be continued, or refused where direct I/O cannot continue it; never a shorter object.
 */
class ShortReadsTest {
    private static final int OBJECT_SIZE = (3 << 20) + 777;
    private static final byte[] CONTENT = new byte[OBJECT_SIZE];

    static {
        new Random(5).nextBytes(CONTENT);
    }

    /** Read-only content served at most {@code perRead} bytes at a time. */
    record ShortReadingDevice(int perRead) implements BlockDevice {
        @Override
        public long size() {
            return CONTENT.length;
        }

        @Override
        public void read(long offset, ByteBuffer into) {
            int length = (int) Math.min(Math.min(into.remaining(), perRead), CONTENT.length - offset);
            into.put(CONTENT, (int) offset, length);
        }

        @Override
        public void write(long offset, ByteBuffer from) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public void flush() {
        }

        @Override
        public void discard(long offset, long length) throws IOException {
            throw new IOException("read-only");
        }
    }

    @TempDir
    Path mountPoint;

    @BeforeEach
    void needsFuse() {
        assumeTrue(HostCommands.isRoot(), "not run: mounting FUSE needs root");
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "not run: no /dev/fuse");
    }

    @Test
    void alignedShortReadsAreContinuedToTheEnd() throws Exception {
        try (FuseServer server = FuseServer.mount(mountPoint);
             DirectStore store = DirectStores.open(URI.create("direct://" + mountPoint))) {
            server.publish("object", new ShortReadingDevice(64 << 10));
            ByteBuffer whole = store.get("object");
            assertEquals(OBJECT_SIZE, whole.remaining());
            assertArrayEquals(CONTENT, toArray(whole));
            ByteBuffer range = store.get("object", 100_000, 2 << 20);
            assertArrayEquals(Arrays.copyOfRange(CONTENT, 100_000, 100_000 + (2 << 20)), toArray(range));
        }
    }

    @Test
    void anUnalignedShortReadUnderDirectIoFailsInsteadOfEndingTheObject() throws Exception {
        try (FuseServer server = FuseServer.mount(mountPoint);
             DirectStore store = DirectStores.open(URI.create("direct://" + mountPoint))) {
            server.publish("object", new ShortReadingDevice((64 << 10) + 1000));
            StoreIOException refused = assertThrows(StoreIOException.class, () -> store.get("object"));
            assertEquals("pread", refused.call(), refused.getMessage());
        }
        try (FuseServer server = FuseServer.mount(mountPoint);
             DirectStore buffered = DirectStores.open(URI.create("file://" + mountPoint))) {
            server.publish("object", new ShortReadingDevice((64 << 10) + 1000));
            assertArrayEquals(CONTENT, toArray(buffered.get("object")), "buffered reads continue from any offset");
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
