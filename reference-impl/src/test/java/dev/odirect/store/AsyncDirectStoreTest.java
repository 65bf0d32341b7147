package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.store.testing.TestData;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncDirectStoreTest {
    @TempDir
    Path root;

    @Test
    void chunksQueuedWithoutWaitingLandInOrder() throws Exception {
        byte[] expected = TestData.bytes(100 * 777, 1);
        try (AsyncDirectStore async = AsyncDirectStore.of(DirectStores.open(URI.create("direct://" + root)))) {
            AsyncObjectWriter writer = async.openWriter("k").get();
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int at = 0; at < expected.length; at += 777) {
                writes.add(writer.writeChunk(ByteBuffer.wrap(expected, at, 777)));
            }
            WriteResult result = writer.finish().get();
            assertTrue(writes.stream().allMatch(CompletableFuture::isDone));
            assertEquals(expected.length, result.size());
        }
        assertFileHolds(root.resolve("k"), expected);
    }

    @Test
    void blockingIoRunsOnTheFacadesOwnThreads() throws Exception {
        try (AsyncDirectStore async = AsyncDirectStore.of(DirectStores.open(URI.create("direct://" + root)))) {
            String ioThread = async.submit(() -> Thread.currentThread().getName()).get();
            assertTrue(ioThread.startsWith("odirect-io-"), "blocking call ran on " + ioThread);
        }
    }

    @Test
    void failuresArriveAsTheStoresExceptions() throws Exception {
        try (AsyncDirectStore async = AsyncDirectStore.of(DirectStores.open(URI.create("direct://" + root)))) {
            ExecutionException missing = assertThrows(ExecutionException.class, () -> async.get("nope").get());
            assertEquals("ENOENT", assertInstanceOf(StoreIOException.class, missing.getCause()).errnoName());
            AsyncObjectWriter writer = async.openWriter("k").get();
            writer.finish().get();
            ExecutionException late = assertThrows(ExecutionException.class,
                    () -> writer.writeChunk(ByteBuffer.allocate(1)).get());
            assertInstanceOf(IllegalStateException.class, late.getCause());
        }
    }
}
