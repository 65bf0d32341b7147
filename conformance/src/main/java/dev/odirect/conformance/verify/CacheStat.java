package dev.odirect.conformance.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
        return probe(directory);
    }

    /**
     * Both controls: a page written without sync must be seen dirty, and after fsync none may be
     * (ext4 data=journal, for one, dirties the pages again for its checkpoint after a correct fsync).
     */
    private static Optional<String> probe(Path directory) {
        try {
            Path probe = Files.createTempFile(directory, ".odirect-cachestat-", "");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                // Without O_TRUNC: ext4 starts writeback when a truncated file is closed (auto_da_alloc).
                channel.write(ByteBuffer.allocate(PAGE));
                if (!of(probe).map(pages -> pages.unsynced() > 0).orElse(false)) {
                    return Optional.of("a page written to " + directory + " without sync was not seen dirty by "
                            + "cachestat(2) (a stacked filesystem such as overlayfs?)");
                }
                channel.force(true);
                if (!of(probe).map(pages -> pages.unsynced() == 0).orElse(false)) {
                    return Optional.of("a page of " + directory + " was still seen dirty by cachestat(2) after fsync "
                            + "(ext4 data=journal dirties pages again for its checkpoint)");
                }
                return Optional.empty();
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
