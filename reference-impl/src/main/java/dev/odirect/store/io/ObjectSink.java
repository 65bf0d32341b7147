package dev.odirect.store.io;

import static dev.odirect.store.io.AlignedBuffers.window;
import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_DIRECT;
import static dev.odirect.store.posix.LinuxFlags.O_WRONLY;

import dev.odirect.store.StoreCounters;
import dev.odirect.store.StoreIOException;
import dev.odirect.store.TailStrategy;
import dev.odirect.store.posix.Syscalls;
import java.nio.ByteBuffer;

/**
 * Streams an object's bytes into one open file: chunks of any size are gathered in an aligned
 * buffer and written in large aligned I/Os; the unaligned tail is written by the configured
 * {@link TailStrategy}; {@link #finishAndSync()} returns only after fdatasync.
 */
public final class ObjectSink {
    private final Syscalls sys;
    private final StoreCounters counters;
    private final OpenedFile file;
    private final TailStrategy tailStrategy;
    private final int align;
    private final ByteBuffer buffer;
    private long flushed;
    private long bytesDirect;
    private long bytesBuffered;
    private boolean closed;

    public ObjectSink(Syscalls sys, StoreCounters counters, OpenedFile file, TailStrategy tailStrategy, int bufferSize) {
        this.sys = sys;
        this.counters = counters;
        this.file = file;
        this.tailStrategy = tailStrategy;
        this.align = file.direct() ? file.alignment().offsetAlign() : 1;
        int capacity = (int) AlignedBuffers.alignUp(bufferSize, Math.max(align, 1));
        this.buffer = AlignedBuffers.allocate(capacity, file.alignment().bufferAlign());
    }

    /** Appends the chunk's remaining bytes; the chunk's own position is left as it was. */
    public void append(ByteBuffer chunk) throws StoreIOException {
        ByteBuffer source = chunk.duplicate();
        while (source.hasRemaining()) {
            int take = Math.min(source.remaining(), buffer.remaining());
            buffer.put(source.duplicate().limit(source.position() + take));
            source.position(source.position() + take);
            if (!buffer.hasRemaining()) {
                writeAt(0, buffer.capacity(), file.direct());
                buffer.clear();
            }
        }
    }

    /** Writes what is left, tail included, and fdatasyncs. Returns the object's size. */
    public long finishAndSync() throws StoreIOException {
        int pending = buffer.position();
        int tail = pending % align;
        int aligned = pending - tail;
        if (!file.direct() || tail == 0) {
            writeAt(0, pending, file.direct());
        } else {
            switch (tailStrategy) {
                case CLEAR_DIRECT -> clearDirectThenWrite(aligned, tail);
                case BUFFERED_REOPEN -> reopenBufferedThenWrite(aligned, tail);
                case PAD_TRUNCATE -> padWriteTruncate(pending);
                default -> throw new IllegalStateException("unknown tail strategy " + tailStrategy);
            }
        }
        buffer.clear();
        sys.fdatasync(file.fd(), file.path());
        return flushed;
    }

    /** Closes the descriptor once; Linux releases it even when close reports an error. */
    public void close() throws StoreIOException {
        if (!closed) {
            closed = true;
            sys.close(file.fd(), file.path());
        }
    }

    public void closeAfterFailure() {
        if (!closed) {
            closed = true;
            sys.closeQuietlyAfterFailure(file.fd());
        }
    }

    public long bytesDirect() {
        return bytesDirect;
    }

    public long bytesBuffered() {
        return bytesBuffered;
    }

    public OpenedFile file() {
        return file;
    }

    private void clearDirectThenWrite(int aligned, int tail) throws StoreIOException {
        writeAt(0, aligned, true);
        int flags = sys.getFlags(file.fd(), file.path());
        sys.setFlags(file.fd(), flags & ~O_DIRECT, file.path());
        writeAt(aligned, tail, false);
    }

    private void reopenBufferedThenWrite(int aligned, int tail) throws StoreIOException {
        writeAt(0, aligned, true);
        int second = file.entry().open(O_WRONLY | O_CLOEXEC, 0, "open(buffered, for the tail)");
        try {
            sys.pwriteFully(second, window(buffer, aligned, tail), flushed, file.path());
        } catch (StoreIOException failed) {
            sys.closeQuietlyAfterFailure(second);
            throw failed;
        }
        sys.close(second, file.path());
        account(tail, false);
    }

    private void padWriteTruncate(int pending) throws StoreIOException {
        int padded = (int) AlignedBuffers.alignUp(pending, align);
        ByteBuffer zeros = window(buffer, pending, padded - pending);
        while (zeros.hasRemaining()) {
            zeros.put((byte) 0);
        }
        sys.pwriteFully(file.fd(), window(buffer, 0, padded), flushed, file.path());
        account(pending, true);
        sys.ftruncate(file.fd(), flushed, file.path());
    }

    private void writeAt(int from, int length, boolean direct) throws StoreIOException {
        if (length == 0) {
            return;
        }
        sys.pwriteFully(file.fd(), window(buffer, from, length), flushed, file.path());
        account(length, direct);
    }

    private void account(int length, boolean direct) {
        flushed += length;
        if (direct) {
            bytesDirect += length;
        } else {
            bytesBuffered += length;
        }
        counters.bytesWritten(length, file.kindOfWrite(direct));
    }
}
