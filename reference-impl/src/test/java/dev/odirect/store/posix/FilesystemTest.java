package dev.odirect.store.posix;

import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_RDONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.store.StoreCounters;
import dev.odirect.store.testing.Commands;
import dev.odirect.store.testing.SmallTmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemTest {
    private final Syscalls sys = new Syscalls(new StoreCounters());

    private Filesystem of(Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("f"), "x");
        int fd = sys.open(file, O_RDONLY | O_CLOEXEC, 0, "open");
        try {
            return Filesystem.of(fd);
        } finally {
            sys.close(fd, file);
        }
    }

    /** stat(1) reads the same struct statfs through its own C code: the offsets must agree with it. */
    @Test
    void typeAndFsidAreWhatStatReports(@TempDir Path dir) throws IOException {
        assumeTrue(Commands.tool("stat").isPresent(), "not run: stat (coreutils) is not installed");
        String[] stat = Commands.run("stat", "-f", "-c", "%t %i", dir.toString()).trim().split(" ");
        Filesystem filesystem = of(dir);
        assertEquals(Long.parseLong(stat[0], 16), filesystem.type(), filesystem.toString());
        assertTrue(filesystem.id().endsWith(" fsid " + String.format("%16s", stat[1]).replace(' ', '0')),
                filesystem + " against " + stat[1]);
    }

    @Test
    void tmpfsIsMemoryOnly() throws IOException {
        assumeTrue(Commands.isRoot(), "not run: needs root to mount a tmpfs");
        try (SmallTmpfs tmpfs = SmallTmpfs.mount("1m")) {
            assertEquals("tmpfs", of(tmpfs.mountPoint()).memoryOnlyType().orElse("none"));
        }
    }

    @Test
    void aFilesystemWithADeviceIsNotMemoryOnly(@TempDir Path dir) throws IOException {
        String type = Files.getFileStore(dir).type();
        assumeTrue(!type.equals("tmpfs") && !type.equals("ramfs"), "not run: the temporary directory is on " + type);
        assertTrue(of(dir).memoryOnlyType().isEmpty());
    }
}
