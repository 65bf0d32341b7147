package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static dev.odirect.store.testing.FileAssertions.assertNoTemporaryFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.store.testing.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriterLifecycleTest {
    @TempDir
    Path root;
    DirectStore store;

    @BeforeEach
    void open() {
        store = DirectStores.open(URI.create("direct://" + root));
    }

    @Test
    void writeAfterFinishIsAnIllegalState() throws IOException {
        ObjectWriter writer = store.openWriter("k");
        writer.finish();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> writer.writeChunk(ByteBuffer.allocate(1)));
        assertTrue(refused.getMessage().contains("already finished"), refused.getMessage());
        assertEquals(0, Files.size(root.resolve("k")));
    }

    @Test
    void doubleFinishIsAnIllegalState() throws IOException {
        ObjectWriter writer = store.openWriter("k");
        writer.writeChunk(ByteBuffer.wrap(TestData.bytes(10, 1)));
        writer.finish();
        assertThrows(IllegalStateException.class, writer::finish);
    }

    @Test
    void useAfterAbortIsAnIllegalStateAndLeavesNothing() throws IOException {
        ObjectWriter writer = store.openWriter("a/k");
        writer.writeChunk(ByteBuffer.wrap(TestData.bytes(9000, 1)));
        writer.abort();
        assertThrows(IllegalStateException.class, () -> writer.writeChunk(ByteBuffer.allocate(1)));
        assertThrows(IllegalStateException.class, writer::finish);
        assertThrows(IllegalStateException.class, writer::abort);
        assertFalse(Files.exists(root.resolve("a/k")));
        assertNoTemporaryFiles(root);
    }

    @Test
    void abortKeepsTheEarlierObject() throws IOException {
        byte[] old = TestData.bytes(6000, 2);
        store.put("k", ByteBuffer.wrap(old));
        try (ObjectWriter writer = store.openWriter("k")) {
            writer.writeChunk(ByteBuffer.wrap(TestData.bytes(100, 3)));
        }
        assertFileHolds(root.resolve("k"), old);
        assertNoTemporaryFiles(root);
    }

    @Test
    void overwriteReplacesAllOfTheOldContentAndShrinks() throws IOException {
        store.put("k", ByteBuffer.wrap(TestData.bytes(70000, 4)));
        byte[] shorter = TestData.bytes(1000, 5);
        store.put("k", ByteBuffer.wrap(shorter));
        assertFileHolds(root.resolve("k"), shorter);
    }

    @Test
    void putReadsFromPositionToLimitAndLeavesTheBufferAlone() throws IOException {
        byte[] all = TestData.bytes(5000, 6);
        ByteBuffer data = ByteBuffer.wrap(all).position(100).limit(4200);
        store.put("k", data);
        assertEquals(100, data.position());
        assertFileHolds(root.resolve("k"), Arrays.copyOfRange(all, 100, 4200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/odirect-escape", "../escape", "a/../../escape", "", "a//b", "a/./b", "x/"})
    void refusedKeysWriteNothingAnywhere(String key) throws IOException {
        assertThrows(InvalidKeyException.class, () -> store.openWriter(key));
        assertThrows(InvalidKeyException.class, () -> store.put(key, ByteBuffer.allocate(1)));
        try (Stream<Path> under = Files.list(root)) {
            assertEquals(0, under.count());
        }
        // the parent is shared with other processes: look for what these keys would have made there
        assertFalse(Files.exists(root.resolveSibling("escape")));
        try (Stream<Path> beside = Files.list(root.getParent())) {
            assertEquals(List.of(), beside.filter(p -> TemporaryName.isTemporary(p.getFileName().toString())).toList());
        }
        assertFalse(Files.exists(Path.of("/etc/odirect-escape")));
    }

    @Test
    void anObjectInTheWayOfADirectoryIsAnError() throws IOException {
        store.put("a", ByteBuffer.wrap(TestData.bytes(10, 7)));
        StoreIOException refused = assertThrows(StoreIOException.class, () -> store.put("a/b", ByteBuffer.allocate(1)));
        assertEquals("ENOTDIR", refused.errnoName());
    }

    /** The losers of each mkdir race (EEXIST) must go on into the directory the winner made. */
    @Test
    void writersRacingToCreateTheSameDirectoriesAllSucceed() throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Future<WriteResult>> puts = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String key = "race" + round + "/shared/k" + w;
                    puts.add(pool.submit(() -> {
                        start.await();
                        return store.put(key, ByteBuffer.wrap(TestData.bytes(100, 9)));
                    }));
                }
                for (Future<WriteResult> put : puts) {
                    put.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> objects = Files.walk(root)) {
            assertEquals(20 * writers, objects.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void writesAreDirectAndSayTheirAlignment() throws IOException {
        try (ObjectWriter writer = store.openWriter("k")) {
            assertTrue(writer.alignment().offsetAlign() > 0, writer.alignment().toString());
            assertTrue(writer.direct());
            writer.finish();
        }
        assertEquals(store.alignmentOf("k").offsetAlign(), store.openWriter("other").alignment().offsetAlign());
    }

    @Test
    void aFileStoreWritesThroughThePageCache() throws IOException {
        DirectStore buffered = DirectStores.open(URI.create("file://" + root));
        WriteResult result = buffered.put("k", ByteBuffer.wrap(TestData.bytes(5096, 8)));
        assertEquals(0, result.bytesDirect());
        assertEquals(5096, result.bytesBuffered());
        assertTrue(result.fallbackReason().isEmpty(), "buffered by configuration is not a fallback");
        assertEquals(DirectIoVerdict.BUFFERED_STORE, result.directIo());
    }
}
