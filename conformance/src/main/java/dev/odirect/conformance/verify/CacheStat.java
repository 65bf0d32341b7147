package dev.odirect.conformance.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Variadic;

/**
 * A file's pages as the kernel counts them, {@code cachestat(2)} (Linux 6.5 and later): unlike
 * fincore's residency it tells dirty pages and pages under writeback apart, which is what a sync
 * leaves none of. glibc has no wrapper, so it is called through {@code syscall(2)}.
 */
public final class CacheStat {
    /** Whole-file counts of pages in the cache, dirty, and being written back. */
    public record Pages(long cached, long dirty, long writeback) {
        /** Pages that fsync or fdatasync would still write or wait for. */
        public long unsynced() {
            return dirty + writeback;
        }
    }

    public interface LibC {
        @Variadic(fixedCount = 1)
        long syscall(long number, long fd, Pointer range, Pointer stat, long flags);
    }

    /** The same number on x86_64 and in the generic table of aarch64. */
    private static final long SYS_CACHESTAT = 451;
    private static final int ENOSYS = 38;
    private static final int EBADF = 9;
    /** struct cachestat_range {u64 off, len}: len 0 means to the end of the file. */
    private static final int RANGE_SIZE = 16;
    /** struct cachestat {u64 nr_cache, nr_dirty, nr_writeback, nr_evicted, nr_recently_evicted}. */
    private static final int STAT_SIZE = 40;
    private static final int PAGE = 4096;
    private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private CacheStat() {
    }

    /**
     * Why a file's unsynced pages in this directory cannot be seen, or empty. The call is asked
     * with descriptor -1 first: a kernel that has it answers EBADF, one without it (or a seccomp
     * filter hiding it) ENOSYS or EPERM. Then a page written without sync must show as unsynced:
     * overlayfs, for one, keeps the pages in the layer below, where the call does not look.
     */
    public static Optional<String> unobservableIn(Path directory) {
        if (call(-1, Memory.allocateDirect(RUNTIME, STAT_SIZE)) != 0) {
            int errno = RUNTIME.getLastError();
            if (errno == ENOSYS) {
                return Optional.of("cachestat(2) is missing (ENOSYS): it needs Linux 6.5 or later");
            }
            if (errno != EBADF) {
                return Optional.of("cachestat(2) is refused here (errno " + errno + ")");
            }
        }
        return unsyncedWriteSeen(directory) ? Optional.empty() : Optional.of("a page written to " + directory
                + " without sync was not seen dirty by cachestat(2) (a stacked filesystem such as overlayfs?)");
    }

    private static boolean unsyncedWriteSeen(Path directory) {
        try {
            Path probe = Files.createTempFile(directory, ".odirect-cachestat-", "");
            try {
                // Without O_TRUNC: ext4 starts writeback when a truncated file is closed (auto_da_alloc).
                Files.write(probe, new byte[PAGE], StandardOpenOption.WRITE);
                return of(probe).map(pages -> pages.unsynced() > 0).orElse(false);
            } finally {
                Files.delete(probe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the suite could not write a probe file in " + directory, e);
        }
    }

    /** The file's pages, or empty when it cannot be opened; a failing call on an open file is an error. */
    public static Optional<Pages> of(Path file) {
        int fd = LinuxIo.POSIX.open(file.toString(), 0, 0);
        if (fd < 0) {
            return Optional.empty();
        }
        try {
            Pointer stat = Memory.allocateDirect(RUNTIME, STAT_SIZE);
            if (call(fd, stat) != 0) {
                throw new IllegalStateException("cachestat(" + file + ") failed with errno " + RUNTIME.getLastError());
            }
            return Optional.of(new Pages(stat.getLong(0), stat.getLong(8), stat.getLong(16)));
        } finally {
            LinuxIo.POSIX.close(fd);
        }
    }

    private static long call(int fd, Pointer stat) {
        Pointer wholeFile = Memory.allocateDirect(RUNTIME, RANGE_SIZE, true);
        return LIBC.syscall(SYS_CACHESTAT, fd, wholeFile, stat, 0);
    }
}
