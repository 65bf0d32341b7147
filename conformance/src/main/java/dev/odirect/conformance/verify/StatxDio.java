package dev.odirect.conformance.verify;

import java.nio.file.Path;
import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** What the kernel says about direct I/O for a file: statx(STATX_DIOALIGN), Linux 6.1 and later. */
final class StatxDio {
    /** {@code offsetAlign == 0}: the kernel offers no direct I/O for this file. */
    record Alignment(int memAlign, int offsetAlign) {
    }

    public interface LibC {
        int statx(int dirfd, String path, int flags, int mask, Pointer buf);
    }

    private static final int AT_FDCWD = -100;
    private static final int STATX_DIOALIGN = 0x2000;
    private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

    private StatxDio() {
    }

    /** Empty where the kernel or the filesystem does not report it. */
    static Optional<Alignment> of(Path file) {
        Pointer buffer = Memory.allocate(Runtime.getRuntime(LIBC), 256);
        if (LIBC.statx(AT_FDCWD, file.toString(), 0, STATX_DIOALIGN, buffer) != 0
                || (buffer.getInt(0) & STATX_DIOALIGN) == 0) {
            return Optional.empty();
        }
        return Optional.of(new Alignment(buffer.getInt(152), buffer.getInt(156)));
    }
}
