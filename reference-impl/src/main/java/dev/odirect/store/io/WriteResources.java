package dev.odirect.store.io;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a store's writers share: the pool of aligned buffers and the threads that run their
 * overlapped writes. Threads are made on demand and end when idle; closing ends them after the
 * writes already given.
 */
public final class WriteResources implements AutoCloseable {
    /** Idle buffers kept for reuse; more is freed to the garbage collector. */
    public static final long RETAINED_BUFFER_BYTES = 64L << 20;

    private final BufferPool pool = new BufferPool(RETAINED_BUFFER_BYTES);
    private final ExecutorService threads;

    public WriteResources() {
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "odirect-write-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public BufferPool pool() {
        return pool;
    }

    <T> Future<T> submit(Callable<T> write) {
        return threads.submit(write);
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
