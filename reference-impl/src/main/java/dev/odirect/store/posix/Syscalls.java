package dev.odirect.store.posix;

import dev.odirect.store.StoreCounters;
import dev.odirect.store.StoreIOException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import java.util.stream.Stream;
import jnr.constants.platform.Errno;
import jnr.constants.platform.Fcntl;
import jnr.posix.FileStat;
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

    /** Opens {@code name} relative to the open directory {@code dirFd}; {@code shownAs} names it in errors. */
    public int openAt(int dirFd, String name, int flags, int mode, Path shownAs, String call) throws StoreIOException {
        int fd = AtCalls.LIBC.openat(dirFd, name, flags, mode);
        if (fd < 0) {
            throw atFailure(call, shownAs);
        }
        return fd;
    }

    public void mkdirAt(int dirFd, String name, int mode, Path shownAs) throws StoreIOException {
        if (AtCalls.LIBC.mkdirat(dirFd, name, mode) < 0) {
            throw atFailure("mkdirat", shownAs);
        }
    }

    /** Renames {@code from} to {@code to}, both in the open directory {@code dirFd}. */
    public void renameAt(int dirFd, String from, String to, Path shownAs) throws StoreIOException {
        if (AtCalls.LIBC.renameat(dirFd, from, dirFd, to) < 0) {
            throw atFailure("renameat to " + to, shownAs);
        }
    }

    public void unlinkAt(int dirFd, String name, Path shownAs) throws StoreIOException {
        if (AtCalls.LIBC.unlinkat(dirFd, name, 0) < 0) {
            throw atFailure("unlinkat", shownAs);
        }
    }

    /** Refuses a symlink at {@code name} with ELOOP, the answer of open(O_NOFOLLOW), for calls that would not refuse it. */
    public void refuseSymlinkAt(int dirFd, String name, Path shownAs, String call) throws StoreIOException {
        if (AtCalls.isSymlink(dirFd, name)) {
            int eloop = Errno.ELOOP.intValue();
            throw new StoreIOException(call, errnoName(eloop), eloop, shownAs, StoreIOException.NO_OFFSET,
                    POSIX.strerror(eloop) + ": the store never acts through a symlink");
        }
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

    public void ftruncate(int fd, long size, Path path) throws StoreIOException {
        if (POSIX.ftruncate(fd, size) < 0) {
            throw failure("ftruncate", path, size);
        }
    }

    /**
     * Allocates {@code length} bytes from {@code offset} and extends the file over them (mode 0);
     * the errno name when the filesystem refuses (ENOSPC, EOPNOTSUPP...), which callers treat as
     * "not allocated ahead", never as a failed write.
     */
    public Optional<String> preallocate(int fd, long offset, long length) {
        if (SpaceCalls.LIBC.fallocate(fd, 0, offset, length) < 0) {
            return Optional.of(errnoName(SpaceCalls.errno()));
        }
        return Optional.empty();
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

    /** The device an open file is on, from fstat; empty when fstat fails. */
    static Optional<DeviceNumbers> deviceOf(int fd) {
        FileStat stat = POSIX.allocateStat();
        return POSIX.fstat(fd, stat) < 0 ? Optional.empty() : Optional.of(DeviceNumbers.ofStatDev(stat.dev()));
    }

    public long fileSize(int fd, Path path) throws StoreIOException {
        FileStat stat = POSIX.allocateStat();
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

    /** A directory opened read-only has nothing to flush, so its close has nothing to report. */
    public void closeDirectory(int fd) {
        POSIX.close(fd);
    }

    public static String errnoName(int errno) {
        Errno known = Errno.valueOf(errno);
        return known == null || known == Errno.__UNKNOWN_CONSTANT__ ? "ERRNO_" + errno : known.name();
    }

    private static StoreIOException failure(String call, Path path, long offset) {
        return failure(call, path, offset, null);
    }

    private static StoreIOException failure(String call, Path path, long offset, String what) {
        return failure(POSIX.errno(), call, path, offset, what);
    }

    private static StoreIOException atFailure(String call, Path path) {
        return failure(AtCalls.errno(), call, path, StoreIOException.NO_OFFSET, null);
    }

    private static StoreIOException failure(int errno, String call, Path path, long offset, String what) {
        String detail = POSIX.strerror(errno) + (what == null ? "" : ", " + what);
        return new StoreIOException(call, errnoName(errno), errno, path, offset, detail);
    }

    private static void requireDirect(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("I/O buffers must be direct: jnr copies heap buffers to unaligned memory");
        }
    }

    // The calls of temporary files and their sweep, kept together at the end.

    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final Path PROC_SELF_FD = Path.of("/proc/self/fd");

    /** Whether open descriptors can be named by path (/proc/self/fd), as linking and listing by descriptor need. */
    public static boolean descriptorsHavePaths() {
        return Files.isDirectory(PROC_SELF_FD);
    }

    /**
     * Names the open file {@code fd} (an O_TMPFILE file) {@code name} in the open directory. Through
     * /proc/self/fd with AT_SYMLINK_FOLLOW: AT_EMPTY_PATH would need CAP_DAC_READ_SEARCH on older kernels.
     */
    public void linkOpenFile(int fd, int dirFd, String name, Path shownAs) throws StoreIOException {
        if (AtCalls.LIBC.linkat(AtCalls.AT_FDCWD, PROC_SELF_FD.resolve(Integer.toString(fd)).toString(), dirFd, name, AtCalls.AT_SYMLINK_FOLLOW) < 0) {
            throw atFailure("linkat", shownAs);
        }
    }

    /** flock(LOCK_EX), waiting while another descriptor holds a lock on the file. */
    public void lockExclusive(int fd, Path path) throws StoreIOException {
        if (POSIX.flock(fd, LOCK_EX) < 0) {
            throw failure("flock(LOCK_EX)", path, StoreIOException.NO_OFFSET);
        }
    }

    /** flock(LOCK_EX | LOCK_NB): false when another descriptor holds a lock on the file. */
    public boolean tryLockExclusive(int fd, Path path) throws StoreIOException {
        if (POSIX.flock(fd, LOCK_EX | LOCK_NB) == 0) {
            return true;
        }
        int errno = POSIX.errno();
        if (errno == Errno.EWOULDBLOCK.intValue()) {
            return false;
        }
        throw failure(errno, "flock(LOCK_EX|LOCK_NB)", path, StoreIOException.NO_OFFSET, null);
    }

    /** How many names the file has: 0 once its last one was removed. */
    public long linkCount(int fd, Path path) throws StoreIOException {
        return stat(fd, path).nlink();
    }

    public boolean isRegularFile(int fd, Path path) throws StoreIOException {
        return stat(fd, path).isFile();
    }

    /** The names in the open directory, read through /proc/self/fd, so no path swapped meanwhile can redirect it. */
    public List<String> listDirectory(int dirFd, Path shownAs) throws StoreIOException {
        try (Stream<Path> entries = Files.list(PROC_SELF_FD.resolve(Integer.toString(dirFd)))) {
            return entries.map(entry -> entry.getFileName().toString()).toList();
        } catch (IOException | UncheckedIOException unreadable) {
            int errno = unreadable instanceof NoSuchFileException ? Errno.ENOENT.intValue() : Errno.EIO.intValue();
            throw new StoreIOException("list directory (/proc/self/fd)", errnoName(errno), errno, shownAs,
                    StoreIOException.NO_OFFSET, unreadable.toString());
        }
    }

    private static jnr.posix.FileStat stat(int fd, Path path) throws StoreIOException {
        jnr.posix.FileStat stat = POSIX.allocateStat();
        if (POSIX.fstat(fd, stat) < 0) {
            throw failure("fstat", path, StoreIOException.NO_OFFSET);
        }
        return stat;
    }
}
