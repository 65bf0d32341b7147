package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.filesWithSizes;
import static dev.odirect.store.testing.FileAssertions.temporaryFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.store.testing.LoopFilesystem;
import dev.odirect.store.testing.TestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a writer that never finishes leaves: its process killed, the filesystem crashed under it,
 * or the writer dropped without close. With O_TMPFILE nothing is ever visible; with named
 * temporary files the store's next open removes them. Only the acknowledged object stays.
 */
class AbandonedWritesTest {
    static final int STREAMED_MIB = 8;
    static final List<String> ONLY_THE_ACKNOWLEDGED = List.of(WriterProcess.AFTER + " (1048576 bytes)");

    @TempDir
    static Path tmp;

    /** /tmp (whatever it is here) and tmpfs, each with both ways of staging. */
    static Stream<Arguments> placesAndStagings() {
        Path shm = Path.of("/dev/shm");
        Stream<Path> places = Files.isDirectory(shm) ? Stream.of(tmp, shm) : Stream.of(tmp);
        return places.flatMap(place -> Stream.of(Staging.values()).map(staging -> Arguments.of(place, staging)));
    }

    static Stream<Arguments> crashableFilesystemsAndStagings() {
        return Stream.of("ext4", "xfs").flatMap(fs -> Stream.of(Staging.values()).map(staging -> Arguments.of(fs, staging)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("placesAndStagings")
    void aKilledWritersFileIsGoneOnceTheStoreReopens(Path place, Staging staging) throws IOException {
        Path root = Files.createTempDirectory(place, "killed-");
        try {
            try (WriterProcess child = WriterProcess.start(root, staging, "a/streamed", STREAMED_MIB)) {
                expectStagedFile(root, staging);
            }
            expectStrayUntilReopen(root, staging);
        } finally {
            deleteTree(root);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("crashableFilesystemsAndStagings")
    void aCrashMidStreamLeavesNoFileOnceTheStoreReopens(String type, Staging staging) throws IOException {
        Optional<String> why = LoopFilesystem.unavailable(type).or(LoopFilesystem::cannotCrash);
        assumeTrue(why.isEmpty(), why.orElse(""));
        List<String> mkfs = type.equals("xfs") ? List.of("-q", "-f") : List.of("-q", "-F");
        try (LoopFilesystem fs = LoopFilesystem.create(type, 512, LoopDeviceStoreTest.XFS_IMAGE, mkfs, "")) {
            Path root = fs.newDirectory("root");
            try (WriterProcess child = WriterProcess.start(root, staging, "a/streamed", STREAMED_MIB)) {
                fs.crash();
            }
            fs.remount();
            expectStrayUntilReopen(root, staging);
        }
    }

    @ParameterizedTest
    @EnumSource(Staging.class)
    void aWriterDroppedWhileOpenIsAbortedOnceUnreachable(Staging staging) throws Exception {
        Path root = Files.createTempDirectory(tmp, "dropped-");
        try (DirectStore store = staging.open(root)) {
            openAndDrop(store);
            assertFalse(descriptorsBeneath(root).isEmpty(), "the dropped writer holds its file and directory");
            for (int i = 0; i < 100 && !(descriptorsBeneath(root).isEmpty() && temporaryFiles(root).isEmpty()); i++) {
                System.gc();
                Thread.sleep(50);
            }
            assertEquals(List.of(), descriptorsBeneath(root), "descriptors of the dropped writer");
            assertEquals(List.of(), filesWithSizes(root), "files of the dropped writer");
        }
    }

    private static void openAndDrop(DirectStore store) throws IOException {
        store.openWriter("a/dropped").writeChunk(ByteBuffer.wrap(TestData.bytes(3 << 20, 1)));
    }

    /** While the child streams, its file is nameless (O_TMPFILE) or named. */
    private static void expectStagedFile(Path root, Staging staging) throws IOException {
        assertEquals(staging == Staging.NAMED ? 1 : 0, temporaryFiles(root).size(), filesWithSizes(root).toString());
    }

    /** A named file stays after the crash or kill until the store opens again; a nameless one never shows. */
    private static void expectStrayUntilReopen(Path root, Staging staging) throws IOException {
        List<String> left = filesWithSizes(root);
        if (staging == Staging.TMPFILE) {
            assertEquals(ONLY_THE_ACKNOWLEDGED, left, "left by the ended writer");
        } else {
            assertEquals(2, left.size(), "the named temporary file stays until the store opens: " + left);
            // at least what was streamed: a stream's file is allocated ahead of its writes
            assertEquals(1, temporaryFiles(root).size(), left.toString());
            assertTrue(temporaryFiles(root).get(0).toFile().length() >= (STREAMED_MIB << 20), left.toString());
        }
        staging.open(root).close();
        assertEquals(ONLY_THE_ACKNOWLEDGED, filesWithSizes(root), "after the store opened again");
    }

    /** This process's descriptors open on something beneath {@code root} (the root itself excluded). */
    static List<String> descriptorsBeneath(Path root) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException closedMeanwhile) {
                    return "";
                }
            }).filter(target -> target.startsWith(root + "/")).toList();
        }
    }
}
