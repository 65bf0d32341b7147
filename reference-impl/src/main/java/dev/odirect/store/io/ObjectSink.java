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
 * Streams an object's bytes into one open file: chunks of any size are gathered in aligned
 * buffers from the store's pool and written in large aligned I/Os, overlapped with the filling of
 * the next buffer (see {@link WritePipeline}); a direct, aligned chunk of at least a buffer is
 * written straight from the caller's memory. The unaligned tail is written by the configured
 * {@link TailStrategy}; {@link #finishAndSync()} returns only after fdatasync.
 */
public final class ObjectSink {
    /** How the sink is set up: its buffers' size, how many writes overlap, and an expected size if known. */
    public record Shape(int bufferSize, int writesInFlight, long expectedSize) {
        public static final long UNKNOWN_SIZE = -1;
    }

    private final Syscalls sys;
    private final StoreCounters counters;
    private final OpenedFile file;
    private final TailStrategy tailStrategy;
    private final BufferPool pool;
    private final WritePipeline pipeline;
    private final Preallocation ahead;
    private final int align;
    private final int ioSize;
    private ByteBuffer buffer;
    private long submitted;
    private long written;
    private long bytesDirect;
    private long bytesBuffered;
    private boolean closed;

    public ObjectSink(Syscalls sys, StoreCounters counters, OpenedFile file, TailStrategy tailStrategy,
                      WriteResources resources, Shape shape) {
        this.sys = sys;
        this.counters = counters;
        this.file = file;
        this.tailStrategy = tailStrategy;
        this.pool = resources.pool();
        this.align = file.direct() ? file.alignment().offsetAlign() : 1;
        boolean sizeKnown = shape.expectedSize() != Shape.UNKNOWN_SIZE;
        long wanted = sizeKnown ? Math.min(shape.bufferSize(), Math.max(shape.expectedSize(), 1)) : shape.bufferSize();
        this.ioSize = (int) AlignedBuffers.alignUp(wanted, align);
        // A put whose bytes fit one buffer has nothing to overlap: it is written where it is filled.
        int inFlight = sizeKnown && shape.expectedSize() <= ioSize ? 0 : shape.writesInFlight();
        this.pipeline = new WritePipeline(sys, file, resources, inFlight, length -> account(length, file.direct()));
        long step = sizeKnown ? AlignedBuffers.alignUp(shape.expectedSize(), align)
                : Math.max(Preallocation.MIN_STEP, (long) ioSize * (inFlight + 1));
        this.ahead = inFlight == 0 ? null : new Preallocation(sys, file, step);
        this.buffer = freshBuffer();
    }

    /** Appends the chunk's remaining bytes; the chunk's own position is left as it was. */
    public void append(ByteBuffer chunk) throws StoreIOException {
        ByteBuffer source = chunk.duplicate();
        while (source.hasRemaining()) {
            if (buffer.position() == 0 && writableInPlace(source)) {
                writeInPlace(source);
                continue;
            }
            int take = Math.min(source.remaining(), buffer.remaining());
            buffer.put(source.duplicate().limit(source.position() + take));
            source.position(source.position() + take);
            if (!buffer.hasRemaining()) {
                ByteBuffer full = buffer.flip();
                buffer = null;
                long at = submitted;
                submitted += full.limit();
                allocateUpTo(submitted);
                pipeline.write(full, at);
                buffer = freshBuffer();
            }
        }
    }

    /** Writes what is left, tail included, and fdatasyncs. Returns the object's size. */
    public long finishAndSync() throws StoreIOException {
        pipeline.awaitAll();
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
        if (ahead != null) {
            ahead.trimTo(written);
        }
        sys.fdatasync(file.fd(), file.path());
        return written;
    }

    /** Closes the descriptor once; Linux releases it even when close reports an error. */
    public void close() throws StoreIOException {
        if (!closed) {
            closed = true;
            pipeline.drain();
            releaseBuffer();
            sys.close(file.fd(), file.path());
        }
    }

    /** Waits for the writes still running (they use the descriptor), then closes it, reporting nothing. */
    public void closeAfterFailure() {
        if (!closed) {
            closed = true;
            try {
                pipeline.drain();
                releaseBuffer();
            } finally {
                sys.closeQuietlyAfterFailure(file.fd());
            }
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

    private ByteBuffer freshBuffer() {
        return pool.acquire(ioSize, pipeline.bufferAlign()).limit(ioSize);
    }

    private void releaseBuffer() {
        if (buffer != null) {
            pool.release(buffer, pipeline.bufferAlign());
            buffer = null;
        }
    }

    /** A caller's direct buffer at a direct-I/O address needs no copy when it holds a whole I/O. */
    private boolean writableInPlace(ByteBuffer source) {
        return file.direct() && source.isDirect() && source.remaining() >= ioSize
                && source.alignmentOffset(source.position(), pipeline.bufferAlign()) == 0;
    }

    /** Synchronous: the caller may reuse its buffer as soon as the call returns. */
    private void writeInPlace(ByteBuffer source) throws StoreIOException {
        int length = (int) AlignedBuffers.alignDown(source.remaining(), align);
        pipeline.awaitAll();
        allocateUpTo(submitted + length);
        sys.pwriteFully(file.fd(), window(source, source.position(), length), submitted, file.path());
        submitted += length;
        account(length, true);
        source.position(source.position() + length);
    }

    private void allocateUpTo(long end) {
        if (ahead != null) {
            ahead.cover(end);
        }
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
            sys.pwriteFully(second, window(buffer, aligned, tail), submitted, file.path());
        } catch (StoreIOException failed) {
            sys.closeQuietlyAfterFailure(second);
            throw failed;
        }
        sys.close(second, file.path());
        submitted += tail;
        account(tail, false);
    }

    private void padWriteTruncate(int pending) throws StoreIOException {
        int padded = (int) AlignedBuffers.alignUp(pending, align);
        ByteBuffer zeros = window(buffer, pending, padded - pending);
        while (zeros.hasRemaining()) {
            zeros.put((byte) 0);
        }
        sys.pwriteFully(file.fd(), window(buffer, 0, padded), submitted, file.path());
        submitted += pending;
        account(pending, true);
        sys.ftruncate(file.fd(), submitted, file.path());
    }

    private void writeAt(int from, int length, boolean direct) throws StoreIOException {
        if (length == 0) {
            return;
        }
        sys.pwriteFully(file.fd(), window(buffer, from, length), submitted, file.path());
        submitted += length;
        account(length, direct);
    }

    private void account(int length, boolean direct) {
        written += length;
        if (direct) {
            bytesDirect += length;
        } else {
            bytesBuffered += length;
        }
        counters.bytesWritten(length, file.kindOfWrite(direct));
    }
}
