package dev.odirect.store.posix;

import dev.odirect.store.StoreCounters;
import dev.odirect.store.StoreIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import jnr.constants.platform.Errno;
import jnr.constants.platform.Fcntl;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * The store's system calls, through jnr-posix. Every call that returns -1 becomes a
 * {@link StoreIOException} with the errno name, path and offset; nothing is retried or ignored.
 * Buffers handed to pwrite/pread must be direct (heap buffers are copied by jnr into unaligned
 * memory, which O_DIRECT refuses) and are used from their position 0.
 */
public final class Syscalls {
    private static final POSIX POSIX = POSIXFactory.getNativePOSIX(new ErrnoReturningHandler());

    private final StoreCounters counters;

    public Syscalls(StoreCounters counters) {
        this.counters = counters;
    }

    public int open(Path path, int flags, int mode, String call) throws StoreIOException {
        int fd = POSIX.open(path.toString(), flags, mode);
        if (fd < 0) {
            throw failure(call, path, StoreIOException.NO_OFFSET);
        }
        return fd;
    }

    /** Writes all of {@code buffer} (position 0 to limit) at {@code offset}; a short write continues. */
    public void pwriteFully(int fd, ByteBuffer buffer, long offset, Path path) throws StoreIOException {
        requireDirect(buffer);
        ByteBuffer rest = buffer.slice();
        long at = offset;
        while (rest.hasRemaining()) {
            long written = POSIX.pwrite(fd, rest, rest.remaining(), at);
            counters.writeSyscall();
            if (written < 0) {
                throw failure("pwrite", path, at, rest.remaining() + " bytes");
            }
            if (written == 0) {
                throw new StoreIOException("pwrite", "EIO", 0, path, at, "wrote 0 of " + rest.remaining() + " bytes");
            }
            at += written;
            rest = rest.position((int) written).slice();
        }
    }

    /** Reads up to {@code buffer.remaining()} bytes at {@code offset}; returns the count, 0 at end of file. */
    public int pread(int fd, ByteBuffer buffer, long offset, Path path) throws StoreIOException {
        requireDirect(buffer);
        long read = POSIX.pread(fd, buffer.slice(), buffer.remaining(), offset);
        counters.readSyscall();
        if (read < 0) {
            throw failure("pread", path, offset, buffer.remaining() + " bytes");
        }
        return (int) read;
    }

    public void fdatasync(int fd, Path path) throws StoreIOException {
        counters.fsync();
        if (POSIX.fdatasync(fd) < 0) {
            throw failure("fdatasync", path, StoreIOException.NO_OFFSET);
        }
    }

    public void fsync(int fd, Path path) throws StoreIOException {
        counters.fsync();
        if (POSIX.fsync(fd) < 0) {
            throw failure("fsync", path, StoreIOException.NO_OFFSET);
        }
    }

    /** Opens the directory, fsyncs it and closes it: makes entries created or renamed in it durable. */
    public void fsyncDirectory(Path directory) throws StoreIOException {
        int fd = open(directory, LinuxFlags.O_RDONLY | LinuxFlags.O_DIRECTORY | LinuxFlags.O_CLOEXEC, 0, "open(directory)");
        try {
            fsync(fd, directory);
        } finally {
            closeQuietlyAfterFailure(fd);
        }
    }

    public void ftruncate(int fd, long size, Path path) throws StoreIOException {
        if (POSIX.ftruncate(fd, size) < 0) {
            throw failure("ftruncate", path, size);
        }
    }

    public int getFlags(int fd, Path path) throws StoreIOException {
        int flags = POSIX.fcntl(fd, Fcntl.F_GETFL);
        if (flags < 0) {
            throw failure("fcntl(F_GETFL)", path, StoreIOException.NO_OFFSET);
        }
        return flags;
    }

    public void setFlags(int fd, int flags, Path path) throws StoreIOException {
        if (POSIX.fcntl(fd, Fcntl.F_SETFL, flags) < 0) {
            throw failure("fcntl(F_SETFL)", path, StoreIOException.NO_OFFSET);
        }
    }

    public long fileSize(int fd, Path path) throws StoreIOException {
        jnr.posix.FileStat stat = POSIX.allocateStat();
        if (POSIX.fstat(fd, stat) < 0) {
            throw failure("fstat", path, StoreIOException.NO_OFFSET);
        }
        return stat.st_size();
    }

    public void close(int fd, Path path) throws StoreIOException {
        if (POSIX.close(fd) < 0) {
            throw failure("close", path, StoreIOException.NO_OFFSET);
        }
    }

    /** For cleanup paths where a first error is already being reported. */
    public void closeQuietlyAfterFailure(int fd) {
        POSIX.close(fd);
    }

    public void mkdir(Path path, int mode) throws StoreIOException {
        if (POSIX.mkdir(path.toString(), mode) < 0) {
            throw failure("mkdir", path, StoreIOException.NO_OFFSET);
        }
    }

    public void rename(Path from, Path to) throws StoreIOException {
        if (POSIX.rename(from.toString(), to.toString()) < 0) {
            throw failure("rename to " + to, from, StoreIOException.NO_OFFSET);
        }
    }

    public void unlink(Path path) throws StoreIOException {
        if (POSIX.unlink(path.toString()) < 0) {
            throw failure("unlink", path, StoreIOException.NO_OFFSET);
        }
    }

    public static String errnoName(int errno) {
        Errno known = Errno.valueOf(errno);
        return known == null || known == Errno.__UNKNOWN_CONSTANT__ ? "ERRNO_" + errno : known.name();
    }

    private static StoreIOException failure(String call, Path path, long offset) {
        return failure(call, path, offset, null);
    }

    private static StoreIOException failure(String call, Path path, long offset, String what) {
        int errno = POSIX.errno();
        String detail = POSIX.strerror(errno) + (what == null ? "" : ", " + what);
        return new StoreIOException(call, errnoName(errno), errno, path, offset, detail);
    }

    private static void requireDirect(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("I/O buffers must be direct: jnr copies heap buffers to unaligned memory");
        }
    }
}
