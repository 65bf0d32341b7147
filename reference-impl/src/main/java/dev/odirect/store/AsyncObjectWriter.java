package dev.odirect.store;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link ObjectWriter} driven asynchronously: calls run in the order they were made, one at a
 * time, on the façade's pool. A chunk's bytes are read when its call runs, so the caller must not
 * change the buffer until the returned future completes.
 */
public final class AsyncObjectWriter {
    private final ObjectWriter writer;
    private final AsyncDirectStore owner;
    private CompletableFuture<?> last = CompletableFuture.completedFuture(null);

    AsyncObjectWriter(ObjectWriter writer, AsyncDirectStore owner) {
        this.writer = writer;
        this.owner = owner;
    }

    public synchronized CompletableFuture<Void> writeChunk(ByteBuffer chunk) {
        return chain(owner.after(last, () -> {
            writer.writeChunk(chunk);
            return null;
        }));
    }

    public synchronized CompletableFuture<WriteResult> finish() {
        return chain(owner.after(last, writer::finish));
    }

    public synchronized CompletableFuture<Void> abort() {
        return chain(owner.after(last, () -> {
            writer.abort();
            return null;
        }));
    }

    public String key() {
        return writer.key();
    }

    private <T> CompletableFuture<T> chain(CompletableFuture<T> next) {
        last = next;
        return next;
    }
}
