package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static dev.odirect.store.testing.FileAssertions.assertNoTemporaryFiles;
import static dev.odirect.store.testing.FileAssertions.temporaryFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.store.testing.TestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sweep at open removes the temporary files writers left, and nothing else: not an object whose
 * key looks like a temporary file, not the file of a writer still open in another store on the same
 * root, nothing through a symlink.
 */
class TemporarySweepTest {
    static final String OLD_FORM = ".odirect-tmp-0123456789abcdef";
    static final byte[] DATA = TestData.bytes(5000, 41);

    @TempDir
    Path base;

    Path root() throws IOException {
        return Files.createDirectories(base.resolve("root"));
    }

    /** A temporary file no writer holds, as a killed process leaves one. */
    static Path abandoned(Path directory) throws IOException {
        return Files.write(Files.createDirectories(directory).resolve(TemporaryName.random()), DATA);
    }

    @Test
    void keysThatLookLikeTemporaryFilesSurviveTheSweep() throws IOException {
        Path root = root();
        List<String> keys = List.of(OLD_FORM, "d/" + OLD_FORM, ".odirect-tmp-x", ".odirect~tmp", "d/.odirect~tmp");
        try (DirectStore store = Staging.TMPFILE.open(root)) {
            for (String key : keys) {
                store.put(key, ByteBuffer.wrap(DATA));
            }
        }
        abandoned(root);
        abandoned(root.resolve("d/e"));
        Staging.TMPFILE.open(root).close();
        for (String key : keys) {
            assertFileHolds(root.resolve(key), DATA);
        }
        assertNoTemporaryFiles(root);
    }

    @Test
    void noKeyCanTakeATemporaryName() throws IOException {
        try (DirectStore store = Staging.TMPFILE.open(root())) {
            for (String key : List.of(TemporaryName.random(), "d/" + TemporaryName.random(), TemporaryName.PREFIX + "x/y")) {
                assertThrows(InvalidKeyException.class, () -> store.put(key, ByteBuffer.wrap(DATA)), key);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Staging.class)
    void twoStoresOnOneRootLeaveEachOthersOpenWritersAlone(Staging staging) throws IOException {
        Path root = root();
        byte[] streamed = TestData.bytes((3 << 20) + 1000, 42);
        Path stale = abandoned(root.resolve("d"));
        try (DirectStore first = staging.open(root);
             ObjectWriter writer = first.openWriter("d/k")) {
            writer.writeChunk(ByteBuffer.wrap(streamed));
            List<Path> writing = temporaryFiles(root).stream().filter(path -> !path.equals(stale)).toList();
            assertEquals(staging == Staging.NAMED ? 1 : 0, writing.size(), writing.toString());
            staging.open(root).close();
            assertEquals(writing, temporaryFiles(root), "the second store removed the abandoned file and only it");
            writer.finish();
        }
        assertFileHolds(root.resolve("d/k"), streamed);
        assertNoTemporaryFiles(root);
    }

    @Test
    void theSweepNeverFollowsASymlinkNorRemovesWhatIsNotAFile() throws IOException {
        Path root = root();
        Path outside = Files.createDirectories(base.resolve("outside"));
        Path outsideFile = abandoned(outside);
        Files.createSymbolicLink(root.resolve("link"), outside);
        Path linkNamedLikeATemporary = Files.createSymbolicLink(root.resolve(TemporaryName.random()), outsideFile);
        Path directoryNamedLikeATemporary = Files.createDirectories(root.resolve(TemporaryName.random()));
        Staging.TMPFILE.open(root).close();
        assertFileHolds(outsideFile, DATA);
        assertTrue(Files.isSymbolicLink(linkNamedLikeATemporary));
        assertTrue(Files.isDirectory(directoryNamedLikeATemporary, LinkOption.NOFOLLOW_LINKS));
    }

    @ParameterizedTest
    @EnumSource(TailStrategy.class)
    void namedStagingWritesEveryTailExactly(TailStrategy tail) throws IOException {
        Path root = root();
        byte[] data = TestData.bytes((1 << 20) + 4096 + 1000, 43);
        try (DirectStore store = Staging.NAMED.open(root, StoreConfig.defaults().withTail(tail));
             ObjectWriter writer = store.openWriter("a/k")) {
            writer.writeChunk(ByteBuffer.wrap(data));
            assertEquals(1, temporaryFiles(root).size(), "named while streaming");
            writer.finish();
        }
        assertFileHolds(root.resolve("a/k"), data);
        assertNoTemporaryFiles(root);
    }

    @ParameterizedTest
    @EnumSource(Staging.class)
    void anAbortedWriterLeavesNothing(Staging staging) throws IOException {
        Path root = root();
        try (DirectStore store = staging.open(root)) {
            try (ObjectWriter closed = store.openWriter("a/k")) {
                closed.writeChunk(ByteBuffer.wrap(DATA));
            }
            ObjectWriter aborted = store.openWriter("a/k");
            aborted.writeChunk(ByteBuffer.wrap(DATA));
            aborted.abort();
        }
        assertEquals(List.of(), temporaryFiles(root));
        assertEquals(List.of(), AbandonedWritesTest.descriptorsBeneath(root));
    }
}
