package dev.odirect.store.posix;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The open(2) flags whose values differ between Linux architectures, for the architectures (Java's
 * {@code os.arch}) whose values were read from the kernel's uapi headers: asm-generic/fcntl.h for
 * x86, arch/arm and arch/arm64 asm/fcntl.h for ARM. Any other architecture is refused: a guessed
 * value would be another flag or none, accepted by open(2) without a word.
 */
public record ArchitectureFlags(int oDirect, int oDirectory, int oNofollow) {
    private static final ArchitectureFlags GENERIC = new ArchitectureFlags(040000, 0200000, 0400000);
    private static final ArchitectureFlags ARM = new ArchitectureFlags(0200000, 040000, 0100000);
    private static final Map<String, ArchitectureFlags> BY_OS_ARCH = Map.of(
            "amd64", GENERIC,
            "x86_64", GENERIC,
            "aarch64", ARM,
            "arm", ARM);

    /** The flags of {@code osArch}; an architecture not known here is an {@link UnsupportedOperationException}. */
    public static ArchitectureFlags of(String osArch) {
        return Optional.ofNullable(BY_OS_ARCH.get(osArch)).orElseThrow(() -> new UnsupportedOperationException(
                "the store does not know O_DIRECT, O_DIRECTORY and O_NOFOLLOW on architecture '" + osArch
                        + "' (os.arch); it knows " + String.join(", ", new TreeSet<>(BY_OS_ARCH.keySet()))
                        + ". Add its values from the kernel's uapi asm/fcntl.h to " + ArchitectureFlags.class.getName()));
    }

    public static ArchitectureFlags ofThisMachine() {
        return of(System.getProperty("os.arch"));
    }
}
