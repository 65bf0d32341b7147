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

    public ObjectReader(Syscalls sys, FileOpener opener, StoreConfig config, StoreCounters counters) {
        this.sys = sys;
        this.opener = opener;
        this.config = config;
        this.counters = counters;
    }

    /** Up to {@code length} bytes from {@code offset} ({@code length < 0}: to the end). */
    public ByteBuffer read(DirectoryEntry entry, long offset, long length) throws StoreIOException {
        OpenedFile file = opener.open(entry, O_RDONLY | O_CLOEXEC, O_RDONLY | O_CLOEXEC);
        try {
            ByteBuffer result = readOpen(file, offset, length);
            sys.close(file.fd(), file.path());
            return result;
        } catch (StoreIOException | RuntimeException failed) {
            sys.closeQuietlyAfterFailure(file.fd());
            throw failed;
        }
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
        int capacity = (int) Math.min(AlignedBuffers.alignUp(config.bufferSize(), align),
                AlignedBuffers.alignUp(end - position, align));
        ByteBuffer buffer = AlignedBuffers.allocate(Math.max(capacity, align), file.alignment().bufferAlign());
        while (position < end) {
            int read = sys.pread(file.fd(), buffer.clear(), position, file.path());
            if (read == 0) {
                break;
            }
            long from = Math.max(start, position);
            long to = Math.min(end, position + read);
            result.put(AlignedBuffers.window(buffer, (int) (from - position), (int) (to - from)));
            counters.bytesRead(to - from, file.direct());
            position += read;
            if (read < buffer.capacity()) {
                break;
            }
        }
        return result.flip();
    }
}
