package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static dev.odirect.store.testing.FileAssertions.assertNoTemporaryFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.odirect.store.testing.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact files for the s3dlio note's streams and more, with every tail strategy, on /tmp and /dev/shm. */
class StreamingWriteTest {
    static final int[][] STREAMS = {
        {4096}, {4096, 1000}, {3000}, {0, 4096, 0, 512, 0}, {512, 1000, 2048, 4096, 8192, 7}, {8192},
        {}, {0}, {0, 0, 0}, {1}, {511}, {513}, {4095}, {4097}, {1, 4095, 1}, {5000, 5000, 5000},
    };

    @TempDir
    static Path tmp;

    static Stream<Path> roots() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) ? Stream.of(tmp, shm) : Stream.of(tmp);
    }

    static Stream<Arguments> cases() {
        return roots().flatMap(root -> Arrays.stream(TailStrategy.values()).flatMap(tail ->
                Arrays.stream(STREAMS).map(stream -> Arguments.of(root, tail, stream))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void streamLeavesExactlyTheBytesSent(Path fsRoot, TailStrategy tail, int[] sizes) throws IOException {
        Path root = Files.createTempDirectory(fsRoot, "stream-");
        try {
            byte[] expected = TestData.bytes(TestData.total(sizes), 42);
            DirectStore store = DirectStores.open(URI.create("direct://" + root), StoreConfig.defaults().withTail(tail));
            WriteResult result;
            try (ObjectWriter writer = store.openWriter("dir/object.dat")) {
                for (ByteBuffer chunk : TestData.chunks(expected, sizes)) {
                    writer.writeChunk(chunk);
                }
                result = writer.finish();
            }
            assertFileHolds(root.resolve("dir/object.dat"), expected);
            assertEquals(expected.length, result.size());
            assertEquals(expected.length, result.bytesDirect() + result.bytesBuffered());
            assertNoTemporaryFiles(root);
        } finally {
            deleteTree(root);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("putCases")
    void putOf5096BytesLeavesExactlyThem(Path fsRoot, TailStrategy tail) throws IOException {
        Path root = Files.createTempDirectory(fsRoot, "put-");
        try {
            byte[] expected = TestData.bytes(5096, 7);
            DirectStore store = DirectStores.open(URI.create("direct://" + root), StoreConfig.defaults().withTail(tail));
            store.put("put.dat", ByteBuffer.wrap(expected));
            assertFileHolds(root.resolve("put.dat"), expected);
        } finally {
            deleteTree(root);
        }
    }

    static Stream<Arguments> putCases() {
        return roots().flatMap(root -> Arrays.stream(TailStrategy.values()).map(tail -> Arguments.of(root, tail)));
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
