package dev.odirect.store;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The asynchronous face of a {@link DirectStore}: each call returns at once and its blocking I/O
 * runs on this façade's own bounded pool (the Java analogue of tokio's {@code spawn_blocking}),
 * never on the common pool. When the queue is full a call fails with
 * {@link RejectedExecutionException} instead of blocking its caller; a writer whose call is
 * refused fails for good (see {@link AsyncObjectWriter}).
 */
public final class AsyncDirectStore implements AutoCloseable {
    /** A blocking store call. */
    @FunctionalInterface
    interface IoCall<T> {
        T call() throws Exception;
    }

    /** How long close waits for the calls already made, then for the pool to stop. */
    public static final long CLOSE_WAIT_MINUTES = 1;

    private final DirectStore store;
    private final ExecutorService executor;
    private final Set<AsyncObjectWriter> writers = ConcurrentHashMap.newKeySet();
    private final Set<Thread> ownThreads = ConcurrentHashMap.newKeySet();

    public AsyncDirectStore(DirectStore store, int threads, int queueCapacity) {
        this.store = store;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), task -> {
                    Thread thread = new Thread(task, "odirect-io-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    ownThreads.add(thread);
                    return thread;
                });
    }

    /** Four I/O threads and a queue of 256 calls. */
    public static AsyncDirectStore of(DirectStore store) {
        return new AsyncDirectStore(store, 4, 256);
    }

    public CompletableFuture<WriteResult> put(String key, ByteBuffer data) {
        return submit(() -> store.put(key, data));
    }

    public CompletableFuture<ByteBuffer> get(String key) {
        return submit(() -> store.get(key));
    }

    public CompletableFuture<ByteBuffer> get(String key, long offset, int length) {
        return submit(() -> store.get(key, offset, length));
    }

    public CompletableFuture<Void> delete(String key) {
        return submit(() -> {
            store.delete(key);
            return null;
        });
    }

    public CompletableFuture<AsyncObjectWriter> openWriter(String key) {
        return submit(() -> {
            AsyncObjectWriter writer = new AsyncObjectWriter(store.openWriter(key), this);
            writers.add(writer);
            return writer;
        });
    }

    public DirectStore store() {
        return store;
    }

    /**
     * Runs the calls made before it (a writer's later calls reach the pool only as its earlier ones
     * end, so they are waited for first), then stops the pool and aborts every writer that was
     * neither finished nor aborted: nothing a caller left open is acknowledged or left behind. A
     * writer whose call still runs after {@link #CLOSE_WAIT_MINUTES} is left to its call.
     */
    @Override
    public void close() throws InterruptedException {
        CompletableFuture<?>[] settled = writers.stream().map(AsyncObjectWriter::settled).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(settled).get(CLOSE_WAIT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException stillRunning) {
            // the pool stops below all the same; only writers with no call running are aborted
        }
        executor.shutdown();
        if (!executor.awaitTermination(CLOSE_WAIT_MINUTES, TimeUnit.MINUTES)) {
            executor.shutdownNow();
        }
        for (AsyncObjectWriter writer : writers) {
            if (writer.settled().isDone()) {
                writer.abandon();
            }
        }
        writers.clear();
    }

    boolean isOwnThread(Thread thread) {
        return ownThreads.contains(thread);
    }

    <T> CompletableFuture<T> submit(IoCall<T> call) {
        try {
            return CompletableFuture.supplyAsync(() -> run(call), executor);
        } catch (RejectedExecutionException full) {
            return CompletableFuture.failedFuture(full);
        }
    }

    ExecutorService executor() {
        return executor;
    }

    void forget(AsyncObjectWriter writer) {
        writers.remove(writer);
    }

    static <T> T run(IoCall<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
