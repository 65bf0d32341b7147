package dev.odirect.store.io;

import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_RDONLY;

import dev.odirect.store.StoreConfig;
import dev.odirect.store.StoreCounters;
import dev.odirect.store.StoreIOException;
import dev.odirect.store.posix.Syscalls;
import java.nio.ByteBuffer;

/**
 * Reads a whole object or a byte range. Direct reads cover the range with aligned I/Os into
 * aligned memory and copy out the requested window.
 */
public final class ObjectReader {
    /** Largest object a single heap buffer can hold. */
    public static final long MAX_WHOLE_READ = Integer.MAX_VALUE - 8;

    private final Syscalls sys;
    private final FileOpener opener;
    private final StoreConfig config;
    private final StoreCounters counters;
    private final BufferPool pool;

    public ObjectReader(Syscalls sys, FileOpener opener, StoreConfig config, StoreCounters counters, BufferPool pool) {
        this.sys = sys;
        this.opener = opener;
        this.config = config;
        this.counters = counters;
        this.pool = pool;
    }

    /** Up to {@code length} bytes from {@code offset} ({@code length < 0}: to the end). */
    public ByteBuffer read(DirectoryEntry entry, long offset, long length) throws StoreIOException {
        OpenedFile file = opener.open(entry, O_RDONLY | O_CLOEXEC, O_RDONLY | O_CLOEXEC);
        ByteBuffer result;
        try {
            result = readOpen(file, offset, length);
        } catch (Throwable failed) {
            // an OutOfMemoryError for a large range included: the descriptor must not outlive the call
            sys.closeQuietlyAfterFailure(file.fd());
            throw failed;
        }
        // closed once: a failing close has released the descriptor already, and its number may be another thread's now
        sys.close(file.fd(), file.path());
        return result;
    }

    private ByteBuffer readOpen(OpenedFile file, long offset, long length) throws StoreIOException {
        long size = sys.fileSize(file.fd(), file.path());
        long start = Math.min(offset, size);
        long end = length < 0 ? size : Math.min(size, start + length);
        if (end - start > MAX_WHOLE_READ) {
            throw new IllegalArgumentException("range of " + (end - start) + " bytes does not fit one buffer: "
                    + "read it in ranges of at most " + MAX_WHOLE_READ + " bytes");
        }
        ByteBuffer result = ByteBuffer.allocate((int) (end - start));
        int align = file.direct() ? file.alignment().offsetAlign() : 1;
        long position = AlignedBuffers.alignDown(start, align);
        int capacity = (int) Math.max(align, Math.min(AlignedBuffers.alignUp(config.bufferSize(), align),
                AlignedBuffers.alignUp(end - position, align)));
        ByteBuffer buffer = pool.acquire(capacity, file.alignment().bufferAlign());
        try {
            while (position < end) {
                int want = (int) Math.min(capacity, AlignedBuffers.alignUp(end - position, align));
                int read = sys.pread(file.fd(), AlignedBuffers.window(buffer, 0, want), position, file.path());
                requireProgress(file, position, read, want, end, align);
                long from = Math.max(start, position);
                long to = Math.min(end, position + read);
                result.put(AlignedBuffers.window(buffer, (int) (from - position), (int) (to - from)));
                counters.bytesRead(to - from, file.direct());
                position += read;
            }
        } finally {
            pool.release(buffer, file.alignment().bufferAlign());
        }
        return result.flip();
    }

    /**
     * A short read before the end continues where it stopped; one that ends early (the file is
     * shorter than fstat said) or stops unaligned under O_DIRECT (the next read would be refused)
     * fails instead of returning fewer bytes than the object holds.
     */
    private static void requireProgress(OpenedFile file, long position, int read, int want, long end, int align)
            throws StoreIOException {
        long reached = position + read;
        if (read == want || reached >= end) {
            return;
        }
        if (read == 0) {
            throw new StoreIOException("pread", "EIO", 0, file.path(), position,
                    "end of file " + (end - position) + " bytes before the size fstat gave");
        }
        if (reached % align != 0) {
            throw new StoreIOException("pread", "EIO", 0, file.path(), position, "short read of " + read + " of "
                    + want + " bytes stops at an offset direct I/O cannot continue from (alignment " + align + ")");
        }
    }
}
