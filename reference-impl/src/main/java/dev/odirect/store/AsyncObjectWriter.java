package dev.odirect.store;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * An {@link ObjectWriter} driven asynchronously: calls run in the order they were made, one at a
 * time, on the façade's pool. A chunk's bytes are read when its call runs, so the caller must not
 * change the buffer until the returned future completes.
 *
 * <p>The first failure, a task the pool refused included, fails every later call and aborts the
 * writer: a finish after a lost chunk never succeeds. At most {@link #MAX_QUEUED_CALLS} calls wait
 * at once; a caller beyond that blocks until one completes, so a fast producer cannot queue
 * without bound.
 */
public final class AsyncObjectWriter {
    public static final int MAX_QUEUED_CALLS = 8;

    private final ObjectWriter writer;
    private final AsyncDirectStore owner;
    private final Semaphore queued = new Semaphore(MAX_QUEUED_CALLS);
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

    /** Aborts the writer where it stands, once no call of it can run any more; nothing if it ended. */
    void abandon() {
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
        try {
            queued.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(interrupted);
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
}
