package dev.odirect.conformance.verify;

import jnr.ffi.LibraryLoader;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.posix.util.DefaultPOSIXHandler;

/**
 * The suite's own system calls, independent of any store's code: open flags for Linux and
 * {@code posix_fadvise}, which jnr-posix lacks.
 */
final class LinuxIo {
    static final int O_WRONLY = 1;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_DIRECT = System.getProperty("os.arch").equals("aarch64") ? 0200000 : 040000;
    static final int POSIX_FADV_DONTNEED = 4;

    /** Returns -1 with errno set instead of throwing, for every call. */
    static final POSIX POSIX = POSIXFactory.getNativePOSIX(new DefaultPOSIXHandler() {
        @Override
        public void error(jnr.constants.platform.Errno error, String extraData) {
            // callers read errno
        }

        @Override
        public void error(jnr.constants.platform.Errno error, String methodName, String extraData) {
            // callers read errno
        }
    });

    public interface LibC {
        int posix_fadvise(int fd, long offset, long length, int advice);
    }

    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

    private LinuxIo() {
    }
}
