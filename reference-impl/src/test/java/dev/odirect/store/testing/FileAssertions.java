package dev.odirect.store.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.odirect.store.TemporaryName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Checks files on disk through a fresh descriptor, never through the store. */
public final class FileAssertions {
    private FileAssertions() {
    }

    public static void assertFileHolds(Path file, byte[] expected) throws IOException {
        if (!Files.exists(file)) {
            fail(file + ": missing, expected " + expected.length + " bytes");
        }
        byte[] actual = Files.readAllBytes(file);
        int differs = Arrays.mismatch(expected, actual);
        if (differs >= 0) {
            fail(file + ": expected " + expected.length + " bytes, found " + actual.length
                    + "; first difference at offset " + differs + ": expected " + hex(expected, differs)
                    + " found " + hex(actual, differs));
        }
    }

    /** No in-progress file of the store is left anywhere under {@code dir}. */
    public static void assertNoTemporaryFiles(Path dir) throws IOException {
        temporaryFiles(dir).stream().findFirst().ifPresent(p -> fail("temporary file left behind: " + p));
    }

    /** Every regular file under {@code dir} (symlinks not followed) with its size, as {@code a/b (5 bytes)}. */
    public static List<String> filesWithSizes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p) + " (" + p.toFile().length() + " bytes)").sorted().toList();
        }
    }

    /** The store's temporary files under {@code dir}. */
    public static List<Path> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(TemporaryName.PREFIX)).toList();
        }
    }

    /** Every file and directory under {@code dir}, relative to it, sorted. */
    public static List<String> entriesOf(Path dir) throws IOException {
        try (Stream<Path> entries = Files.walk(dir)) {
            return entries.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static String hex(byte[] data, int at) {
        int to = Math.min(data.length, at + 16);
        return at >= data.length ? "<end of file>" : HexFormat.ofDelimiter(" ").formatHex(data, at, to);
    }
}
