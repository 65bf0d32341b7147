package dev.odirect.store;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadDeleteTest {
    static final int SIZE = 3 * 4096 + 1000;

    @TempDir
    Path root;
    DirectStore store;
    byte[] content;

    @BeforeEach
    void writeOne() throws IOException {
        store = DirectStores.open(URI.create("direct://" + root), StoreConfig.defaults().withBufferSize(4096));
        content = TestData.bytes(SIZE, 11);
        Files.write(root.resolve("obj"), content);
    }

    @Test
    void getReturnsTheWholeFileWrittenByAnotherWriter() throws IOException {
        assertEquals(ByteBuffer.wrap(content), store.get("obj"));
    }

    @ParameterizedTest(name = "offset {0} length {1}")
    @CsvSource({"0,0", "0,1", "1,511", "511,2", "4095,4098", "4096,4096", "12000,5000", "13287,1", "13288,10",
        "20000,10", "100,13000"})
    void rangedGetReturnsTheWindowAndFewerAtTheEnd(long offset, int length) throws IOException {
        int from = (int) Math.min(offset, SIZE);
        int to = (int) Math.min(SIZE, offset + length);
        assertEquals(ByteBuffer.wrap(content, from, to - from), store.get("obj", offset, length));
    }

    @Test
    void getOfAMissingKeyIsENOENT() {
        StoreIOException missing = assertThrows(StoreIOException.class, () -> store.get("nope"));
        assertEquals("ENOENT", missing.errnoName());
        assertTrue(missing.getMessage().contains(root.resolve("nope").toString()), missing.getMessage());
    }

    @Test
    void deleteRemovesAndASecondDeleteIsENOENT() throws IOException {
        store.delete("obj");
        assertFalse(Files.exists(root.resolve("obj")));
        assertEquals("ENOENT", assertThrows(StoreIOException.class, () -> store.delete("obj")).errnoName());
    }

    @Test
    void negativeRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.get("obj", -1, 10));
        assertThrows(IllegalArgumentException.class, () -> store.get("obj", 0, -1));
    }

    @Test
    void readsAreCounted() throws IOException {
        store.get("obj");
        assertEquals(SIZE, store.counters().snapshot().bytesReadDirect());
    }
}
