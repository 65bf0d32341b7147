package dev.odirect.store.posix;

import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_RDONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.store.DioAlignment;
import dev.odirect.store.StoreCounters;
import dev.odirect.store.testing.CapturedLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import jnr.ffi.LibraryLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A C library without statx (glibc before 2.28): the LinkageError jnr-ffi throws at the call must not escape. */
class StatxTest {
    private final Syscalls sys = new Syscalls(new StoreCounters());
    private Path file;
    private int fd;

    @BeforeEach
    void openAFile(@TempDir Path dir) throws IOException {
        file = Files.writeString(dir.resolve("f"), "x");
        fd = sys.open(file, O_RDONLY | O_CLOEXEC, 0, "open");
    }

    @AfterEach
    void closeIt() throws IOException {
        sys.close(fd, file);
    }

    /** The binding is real: jnr-ffi looks for a symbol this C library does not have, as an old one lacks statx. */
    private static Statx withoutStatx() {
        return Statx.load(LibraryLoader.create(Statx.LibC.class).map("statx", "odirect_test_no_such_statx"));
    }

    @Test
    void aMissingStatxIsNoResultAndIsLoggedOnce() {
        Statx statx = withoutStatx();
        try (CapturedLog log = CapturedLog.start()) {
            assertTrue(statx.ofDescriptor(fd).isEmpty());
            assertTrue(statx.ofDescriptor(fd).isEmpty());
            assertEquals(1, log.at(Level.WARNING, "statx is not in the C library").size(), log.at(Level.WARNING).toString());
        }
        assertTrue(statx.unavailableReason().isPresent());
    }

    @Test
    void withoutStatxTheAlignmentIsTheDevicesBlockSizeOrTheDefault() {
        DioAlignment alignment = new AlignmentProbe(withoutStatx()).probe(fd);
        DeviceNumbers device = Syscalls.deviceOf(fd).orElseThrow();
        DioAlignment expected = AlignmentProbe.logicalBlockSize(device)
                .map(size -> new DioAlignment(size, size, DioAlignment.Source.BLOCK_DEVICE))
                .orElse(new DioAlignment(DioAlignment.DEFAULT_ALIGNMENT, DioAlignment.DEFAULT_ALIGNMENT,
                        DioAlignment.Source.DEFAULT));
        assertEquals(expected, alignment, "on device " + device);
        assertNotEquals(DioAlignment.Source.STATX, alignment.source());
    }

    @Test
    void fstatFindsTheDeviceStatxFinds() {
        Statx.Result statx = Statx.OF_THE_C_LIBRARY.ofDescriptor(fd).orElseThrow();
        assertEquals(statx.device(), Syscalls.deviceOf(fd).orElseThrow());
    }

    /** glibc's makedev puts the low 12 bits of the major and 8 of the minor in the low 20 bits, the rest above. */
    @Test
    void stDevIsDecodedAsGlibcDoes() {
        assertEquals(new DeviceNumbers(254, 0), DeviceNumbers.ofStatDev(0xfe00L));
        assertEquals(new DeviceNumbers(259, 1), DeviceNumbers.ofStatDev(0x10301L));
        assertEquals(new DeviceNumbers(4097, 256), DeviceNumbers.ofStatDev(0x0000_1000_0010_0100L));
    }
}
