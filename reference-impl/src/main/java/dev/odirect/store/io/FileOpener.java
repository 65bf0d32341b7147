package dev.odirect.store.io;

import static dev.odirect.store.posix.LinuxFlags.O_ACCMODE;
import static dev.odirect.store.posix.LinuxFlags.O_DIRECT;
import static dev.odirect.store.posix.LinuxFlags.O_RDONLY;

import dev.odirect.store.DioAlignment;
import dev.odirect.store.DirectIoVerdict;
import dev.odirect.store.FallbackPolicy;
import dev.odirect.store.IoMode;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.StoreCounters;
import dev.odirect.store.StoreIOException;
import dev.odirect.store.posix.AlignmentProbe;
import dev.odirect.store.posix.Filesystem;
import dev.odirect.store.posix.Syscalls;
import java.nio.file.Path;

/**
 * Opens files with O_DIRECT where the store is direct, discovers their alignment, tells whether
 * direct I/O is verified, and falls back to buffered I/O where the filesystem refuses O_DIRECT, if
 * the configuration allows it. A fallback or an unverified O_DIRECT is counted, logged (see
 * {@link DirectIoLog}) and reported in the {@link OpenedFile}; it is never silent.
 */
public final class FileOpener {
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
        OpenedFile file = config.mode() == IoMode.BUFFERED
                ? described(entry.open(flags, FILE_MODE, "open"), entry, DirectIoVerdict.BUFFERED_STORE)
                : openDirect(entry, flags, fallbackFlags);
        DirectIoLog.opened(file, (flags & O_ACCMODE) != O_RDONLY);
        return file;
    }

    private OpenedFile openDirect(DirectoryEntry entry, int flags, int fallbackFlags) throws StoreIOException {
        Path path = entry.path();
        int fd;
        try {
            fd = entry.open(flags | O_DIRECT, FILE_MODE, "open(O_DIRECT)");
        } catch (StoreIOException refused) {
            if (!refused.errnoName().equals("EINVAL")) {
                throw refused;
            }
            return fallBack(entry, fallbackFlags, "the filesystem refused O_DIRECT at open (EINVAL)", refused);
        }
        DioAlignment alignment = AlignmentProbe.of(fd);
        if (!alignment.directSupported()) {
            sys.closeQuietlyAfterFailure(fd);
            String reason = "statx reports no direct I/O for this file (dio_offset_align 0)";
            return fallBack(entry, fallbackFlags, reason,
                    new StoreIOException("statx(STATX_DIOALIGN)", "EINVAL", 22, path, StoreIOException.NO_OFFSET, reason));
        }
        Filesystem filesystem = Filesystem.of(fd);
        return new OpenedFile(fd, entry, alignment, filesystem, verdict(alignment, filesystem));
    }

    /** Direct only with the kernel's word for this file, on a filesystem that writes to a device. */
    private static DirectIoVerdict verdict(DioAlignment alignment, Filesystem filesystem) {
        return filesystem.memoryOnlyType()
                .map(type -> DirectIoVerdict.notVerified(type + " accepts O_DIRECT but keeps every byte in the page cache"))
                .orElseGet(() -> alignment.source() == DioAlignment.Source.STATX
                        ? DirectIoVerdict.DIRECT
                        : DirectIoVerdict.notVerified("the kernel did not report direct I/O for this file (no statx "
                                + "STATX_DIOALIGN; alignment " + alignment + ")"));
    }

    private OpenedFile fallBack(DirectoryEntry entry, int fallbackFlags, String reason, StoreIOException refused)
            throws StoreIOException {
        if (config.fallback() == FallbackPolicy.FAIL) {
            throw refused;
        }
        counters.directFallback();
        return described(entry.open(fallbackFlags, FILE_MODE, "open"), entry, DirectIoVerdict.fellBack(reason));
    }

    private static OpenedFile described(int fd, DirectoryEntry entry, DirectIoVerdict verdict) {
        return new OpenedFile(fd, entry, AlignmentProbe.of(fd), Filesystem.of(fd), verdict);
    }
}
