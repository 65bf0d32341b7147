package dev.odirect.matrix.blocks;

import java.nio.ByteBuffer;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * The few C library calls a FUSE server needs without libfuse: open, read and write of
 * {@code /dev/fuse}, and mount(2) / umount2(2), which jnr-posix lacks.
 */
final class FuseCalls {
    static final int O_RDWR = 2;
    static final int O_CLOEXEC = 02000000;
    static final long MS_NOSUID = 2;
    static final long MS_NODEV = 4;
    static final int MNT_DETACH = 2;

    public interface LibC {
        @SaveError
        int open(String path, int flags);

        @SaveError
        long read(int fd, @Out ByteBuffer buffer, long count);

        @SaveError
        long write(int fd, @In ByteBuffer buffer, long count);

        @SaveError
        int close(int fd);

        @SaveError
        int mount(String source, String target, String type, long flags, String data);

        @SaveError
        int umount2(String target, int flags);

        String strerror(int errno);
    }

    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

    private FuseCalls() {
    }

    static int errno() {
        return Runtime.getRuntime(LIBC).getLastError();
    }

    /** The last call's error as "strerror (errno N)". */
    static String lastError() {
        int errno = errno();
        return LIBC.strerror(errno) + " (errno " + errno + ")";
    }
}
