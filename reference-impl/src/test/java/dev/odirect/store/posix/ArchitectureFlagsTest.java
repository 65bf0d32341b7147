package dev.odirect.store.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.store.DirectStores;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchitectureFlagsTest {
    /** asm-generic/fcntl.h, which x86's asm/fcntl.h includes unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"amd64", "x86_64"})
    void x86UsesTheGenericValues(String arch) {
        assertEquals(new ArchitectureFlags(040000, 0200000, 0400000), ArchitectureFlags.of(arch));
    }

    /** arch/arm/include/uapi/asm/fcntl.h and arch/arm64/include/uapi/asm/fcntl.h define the same three. */
    @ParameterizedTest
    @ValueSource(strings = {"aarch64", "arm"})
    void armSwapsTheThree(String arch) {
        assertEquals(new ArchitectureFlags(0200000, 040000, 0100000), ArchitectureFlags.of(arch));
    }

    @ParameterizedTest
    @ValueSource(strings = {"riscv64", "ppc64le", "s390x", "mips64el", "armv7l", ""})
    void anUnknownArchitectureIsRefusedNamingTheKnownOnes(String arch) {
        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                () -> ArchitectureFlags.of(arch));
        assertTrue(refused.getMessage().contains("'" + arch + "'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("aarch64, amd64, arm, x86_64"), refused.getMessage());
    }

    @Test
    void linuxFlagsAreThoseOfThisMachine() {
        ArchitectureFlags here = ArchitectureFlags.ofThisMachine();
        assertEquals(here, new ArchitectureFlags(LinuxFlags.O_DIRECT, LinuxFlags.O_DIRECTORY, LinuxFlags.O_NOFOLLOW));
    }

    @Test
    void aStoreOnAnUnknownArchitectureIsRefusedAtOpen(@TempDir Path root) throws Exception {
        String real = System.getProperty("os.arch");
        System.setProperty("os.arch", "riscv64");
        try {
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                    () -> DirectStores.open(URI.create("direct://" + root)));
            assertTrue(refused.getMessage().contains("riscv64"), refused.getMessage());
        } finally {
            System.setProperty("os.arch", real);
        }
        try (var files = Files.list(root)) {
            assertEquals(0, files.count(), "nothing is created before the refusal");
        }
    }
}
