package dev.odirect.store.io;

import static dev.odirect.store.posix.LinuxFlags.O_DIRECT;

import dev.odirect.store.DioAlignment;
import dev.odirect.store.FallbackPolicy;
import dev.odirect.store.IoMode;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.StoreCounters;
import dev.odirect.store.StoreIOException;
import dev.odirect.store.posix.AlignmentProbe;
import dev.odirect.store.posix.Syscalls;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens files with O_DIRECT where the store is direct, discovers their alignment, and falls back
 * to buffered I/O where the filesystem refuses O_DIRECT, if the configuration allows it. A fallback
 * is logged, counted and reported; it is never silent.
 */
public final class FileOpener {
    private static final System.Logger LOG = System.getLogger("dev.odirect.store");
    private static final int FILE_MODE = 0644;

    private final Syscalls sys;
    private final StoreConfig config;
    private final StoreCounters counters;

    public FileOpener(Syscalls sys, StoreConfig config, StoreCounters counters) {
        this.sys = sys;
        this.config = config;
        this.counters = counters;
    }

    /**
     * Opens the entry, never through a symlink (see {@link Directory#open}).
     *
     * @param flags         flags of the first open, without O_DIRECT
     * @param fallbackFlags flags of a buffered reopen after O_DIRECT was refused (the refused open
     *                      may already have created the file, so these must not carry O_EXCL)
     */
    public OpenedFile open(DirectoryEntry entry, int flags, int fallbackFlags) throws StoreIOException {
        Path path = entry.path();
        if (config.mode() == IoMode.BUFFERED) {
            int fd = entry.open(flags, FILE_MODE, "open");
            return new OpenedFile(fd, entry, false, AlignmentProbe.of(fd, path), Optional.empty());
        }
        int fd;
        try {
            fd = entry.open(flags | O_DIRECT, FILE_MODE, "open(O_DIRECT)");
        } catch (StoreIOException refused) {
            if (!refused.errnoName().equals("EINVAL")) {
                throw refused;
            }
            String reason = "the filesystem refused O_DIRECT at open (EINVAL)";
            return fallBack(entry, fallbackFlags, reason, refused);
        }
        DioAlignment alignment = AlignmentProbe.of(fd, path);
        if (!alignment.directSupported()) {
            sys.closeQuietlyAfterFailure(fd);
            String reason = "statx reports no direct I/O for this file (dio_offset_align 0)";
            return fallBack(entry, fallbackFlags, reason,
                    new StoreIOException("statx(STATX_DIOALIGN)", "EINVAL", 22, path, StoreIOException.NO_OFFSET, reason));
        }
        return new OpenedFile(fd, entry, true, alignment, Optional.empty());
    }

    private OpenedFile fallBack(DirectoryEntry entry, int fallbackFlags, String reason, StoreIOException refused)
            throws StoreIOException {
        if (config.fallback() == FallbackPolicy.FAIL) {
            throw refused;
        }
        counters.directFallback();
        LOG.log(System.Logger.Level.WARNING, "{0}: {1}; writing through the page cache (fallback=BUFFERED)",
                entry.path(), reason);
        int fd = entry.open(fallbackFlags, FILE_MODE, "open");
        return new OpenedFile(fd, entry, false, AlignmentProbe.of(fd, entry.path()), Optional.of(reason));
    }
}
