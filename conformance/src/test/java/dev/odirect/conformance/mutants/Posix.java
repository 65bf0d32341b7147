package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import jnr.constants.platform.Errno;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.posix.util.DefaultPOSIXHandler;

/** The system calls of the mutant stores (their own, not the reference store's). */
final class Posix {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_SYNC = 04010000;
    static final int O_DIRECT = System.getProperty("os.arch").equals("aarch64") ? 0200000 : 040000;

    static final POSIX POSIX = POSIXFactory.getNativePOSIX(new DefaultPOSIXHandler() {
        @Override
        public void error(Errno error, String extraData) {
            // callers read errno
        }

        @Override
        public void error(Errno error, String methodName, String extraData) {
            // callers read errno
        }
    });

    private Posix() {
    }

    static int open(Path file, int flags) {
        return POSIX.open(file.toString(), flags, 0644);
    }

    /** A direct buffer of {@code length} bytes at a 4096-aligned address. */
    static ByteBuffer aligned(int length) {
        return ByteBuffer.allocateDirect(length + 2 * 4096).alignedSlice(4096).limit(length).slice();
    }

    /** A direct buffer at a 4096-aligned address holding {@code length} bytes of {@code bytes} from {@code from}. */
    static ByteBuffer aligned(byte[] bytes, int from, int length) {
        ByteBuffer buffer = aligned(length);
        buffer.put(bytes, from, length).flip();
        return buffer;
    }

    /** Clears O_DIRECT on the descriptor, as GNU dd does for the last short block: the page cache from here on. */
    static void dropDirect(int fd) {
        int flags = POSIX.fcntl(fd, jnr.constants.platform.Fcntl.F_GETFL);
        POSIX.fcntl(fd, jnr.constants.platform.Fcntl.F_SETFL, flags & ~O_DIRECT);
    }

    static Outcome pwrite(int fd, ByteBuffer buffer, long offset) {
        int length = buffer.remaining();
        if (length == 0) {
            return Outcome.success();
        }
        long written = POSIX.pwrite(fd, buffer, length, offset);
        if (written != length) {
            return written < 0 ? error("pwrite") : Outcome.error("EIO", "short write " + written + " of " + length);
        }
        return Outcome.success();
    }

    /** Fills the buffer's remaining bytes from {@code offset}; fewer bytes (the end of the file) is an error. */
    static Outcome pread(int fd, ByteBuffer buffer, long offset) {
        int length = buffer.remaining();
        if (length == 0) {
            return Outcome.success();
        }
        long read = POSIX.pread(fd, buffer, length, offset);
        if (read != length) {
            return read < 0 ? error("pread") : Outcome.error("EIO", "short read " + read + " of " + length);
        }
        return Outcome.success();
    }

    static Outcome fsyncDirectory(Path directory) {
        int fd = POSIX.open(directory.toString(), 0, 0);
        if (fd < 0 || POSIX.fsync(fd) < 0) {
            return error("fsync(directory)");
        }
        POSIX.close(fd);
        return Outcome.success();
    }

    static Outcome error(String call) {
        Errno errno = Errno.valueOf(POSIX.errno());
        return Outcome.error(errno == null ? "EIO" : errno.name(), call + " failed");
    }
}
