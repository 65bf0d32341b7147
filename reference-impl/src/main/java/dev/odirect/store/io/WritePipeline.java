package dev.odirect.store.io;

import dev.odirect.store.StoreIOException;
import dev.odirect.store.posix.Syscalls;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes one file's full buffers on the store's I/O threads while the caller fills the next one,
 * with at most {@code inFlight} writes running: the device never waits for a copy, and a store
 * on a device with a queue keeps more than one request in it. Writes land at distinct offsets,
 * so their order does not matter before the final fdatasync. The first failure is thrown by the
 * next call; {@link #drain()} must run before the descriptor is closed. One thread at a time.
 */
final class WritePipeline {
    /** A write on its way and what it will be accounted as once done. */
    record Pending(Future<?> done, ByteBuffer buffer, int length) {
    }

    interface Completion {
        void written(int length);
    }

    private final Syscalls sys;
    private final OpenedFile file;
    private final WriteResources resources;
    private final int inFlight;
    private final Completion completion;
    private final Deque<Pending> pending = new ArrayDeque<>();

    WritePipeline(Syscalls sys, OpenedFile file, WriteResources resources, int inFlight, Completion completion) {
        this.sys = sys;
        this.file = file;
        this.resources = resources;
        this.inFlight = inFlight;
        this.completion = completion;
    }

    /** Writes {@code buffer} (position 0 to limit) at {@code offset}, taking it over; may run later. */
    void write(ByteBuffer buffer, long offset) throws StoreIOException {
        int length = buffer.limit();
        if (inFlight == 0) {
            try {
                sys.pwriteFully(file.fd(), buffer, offset, file.path());
            } finally {
                resources.pool().release(buffer, bufferAlign());
            }
            completion.written(length);
            return;
        }
        while (pending.size() >= inFlight) {
            awaitOldest();
        }
        Future<?> done = resources.submit(() -> {
            sys.pwriteFully(file.fd(), buffer, offset, file.path());
            return null;
        });
        pending.add(new Pending(done, buffer, length));
    }

    /** Waits for every write; throws the first failure. */
    void awaitAll() throws StoreIOException {
        while (!pending.isEmpty()) {
            awaitOldest();
        }
    }

    /** Waits for every write, whatever its outcome; after a failure, before the descriptor is closed. */
    void drain() {
        while (!pending.isEmpty()) {
            try {
                awaitOldest();
            } catch (StoreIOException | RuntimeException alreadyFailing) {
                // the writer is being given up: the first error was reported already
            }
        }
    }

    int bufferAlign() {
        return file.alignment().bufferAlign();
    }

    private void awaitOldest() throws StoreIOException {
        Pending oldest = pending.removeFirst();
        try {
            awaitUninterruptibly(oldest.done());
            completion.written(oldest.length());
        } finally {
            resources.pool().release(oldest.buffer(), bufferAlign());
        }
    }

    /** The descriptor must outlive the write that uses it, so an interrupt does not stop the wait. */
    private static void awaitUninterruptibly(Future<?> done) throws StoreIOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof StoreIOException io) {
                        throw io;
                    }
                    if (failed.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException("write failed", failed.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
