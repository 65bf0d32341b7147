package dev.odirect.store.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** fallocate(2), which jnr-posix 3.2 lacks, bound from libc through jnr-ffi as {@link AtCalls} are. */
final class SpaceCalls {
    public interface LibC {
        int fallocate(int fd, int mode, long offset, long len);
    }

    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private SpaceCalls() {
    }

    static int errno() {
        return RUNTIME.getLastError();
    }
}
