package dev.odirect.store;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link ObjectWriter} driven asynchronously: calls run in the order they were made, one at a
 * time, on the façade's pool. A chunk's bytes are read when its call runs, so the caller must not
 * change the buffer until the returned future completes.
 *
 * <p>The first failure, a task the pool refused included, fails every later call and aborts the
 * writer: a finish after a lost chunk never succeeds. At most {@link #MAX_QUEUED_CALLS} calls wait
 * at once; a caller beyond that blocks until one completes, so a fast producer cannot queue
 * without bound. A call made on the façade's own I/O thread (a callback) cannot wait for that
 * thread: beyond the limit it fails, and the writer with it.
 */
public final class AsyncObjectWriter {
    public static final int MAX_QUEUED_CALLS = 8;

    private final ObjectWriter writer;
    private final AsyncDirectStore owner;
    private final Semaphore queued = new Semaphore(MAX_QUEUED_CALLS);
    private final AtomicBoolean abandoned = new AtomicBoolean();
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    AsyncObjectWriter(ObjectWriter writer, AsyncDirectStore owner) {
        this.writer = writer;
        this.owner = owner;
    }

    public CompletableFuture<Void> writeChunk(ByteBuffer chunk) {
        return enqueue(() -> {
            writer.writeChunk(chunk);
            return null;
        });
    }

    public CompletableFuture<WriteResult> finish() {
        return ending(enqueue(writer::finish));
    }

    /** Gives the writer up once the calls before it have run; succeeds also after a failure. */
    public CompletableFuture<Void> abort() {
        CompletableFuture<Void> closed = enqueue(() -> {
            writer.close();
            return null;
        });
        return ending(closed).exceptionally(earlierFailure -> null);
    }

    public String key() {
        return writer.key();
    }

    /** Completes when every call made so far has run, whatever its outcome. */
    synchronized CompletableFuture<Void> settled() {
        return last.handle((result, failure) -> null);
    }

    /** Aborts the writer where it stands, once no call of it can run any more; once, and nothing if it ended. */
    void abandon() {
        if (!abandoned.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.close();
        } catch (StoreIOException | RuntimeException ignored) {
            // never acknowledged: the object is lost either way, its temporary file is best effort
        }
    }

    private <T> CompletableFuture<T> ending(CompletableFuture<T> last) {
        return last.whenComplete((result, failure) -> owner.forget(this));
    }

    private <T> CompletableFuture<T> enqueue(AsyncDirectStore.IoCall<T> call) {
        if (owner.isOwnThread(Thread.currentThread())) {
            if (!queued.tryAcquire()) {
                return failAll(new IllegalStateException("a call on writer for key " + writer.key() + " from the façade's "
                        + "own I/O thread, with " + MAX_QUEUED_CALLS + " calls queued: it would wait for itself"));
            }
        } else {
            // uninterruptibly: an interrupt must not drop a chunk between two that are written
            queued.acquireUninterruptibly();
        }
        synchronized (this) {
            // thenApplyAsync runs only after the previous call succeeded: a failure, or a task the
            // pool refused, fails every call queued after it instead of being skipped over.
            CompletableFuture<T> next = last.thenApplyAsync(ignored -> AsyncDirectStore.run(call), owner.executor())
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            abandon(); // a refused task never reached the writer, which is still open
                        }
                        queued.release();
                    });
            last = next;
            return next;
        }
    }

    /** Fails this call and every later one, and aborts the writer once the calls before it have run. */
    private synchronized <T> CompletableFuture<T> failAll(RuntimeException why) {
        CompletableFuture<T> failed = last.handle((result, failure) -> {
            throw new CompletionException(why);
        });
        CompletableFuture<T> next = failed.whenComplete((result, failure) -> abandon());
        last = next;
        return next;
    }
}
