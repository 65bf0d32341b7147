package dev.odirect.store;

import dev.odirect.store.io.Directory;
import dev.odirect.store.io.FileOpener;
import dev.odirect.store.io.ObjectSink;
import dev.odirect.store.io.OpenedFile;
import dev.odirect.store.io.StagingFile;
import dev.odirect.store.io.StoreRoot;
import dev.odirect.store.io.WriteResources;
import dev.odirect.store.posix.Syscalls;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A streaming writer for one key (the s3dlio note's {@code write_chunk}/{@code finalize}). Bytes go
 * to a staging file in the object's directory, nameless (O_TMPFILE) where the filesystem allows it,
 * else with a temporary name; {@link #finish()} syncs it, renames it over the key and syncs the
 * directory, so a reader sees the old object or the whole new one, and an acknowledged object
 * survives a crash. The parent directory stays open by descriptor until the writer ends, and every
 * step is relative to it. A writer dropped while open is aborted once it is unreachable. Not
 * thread-safe: one thread, or the async façade, at a time.
 */
public final class ObjectWriter implements AutoCloseable {
    private enum State { OPEN, FINISHED, ABORTED, FAILED }

    private final StoreCounters counters;
    private final ObjectKey key;
    private final Path target;
    private final Directory directory;
    private final StagingFile staging;
    private final ObjectSink sink;
    private final StoreConfig config;
    private final AbandonedWriter abandoned;
    private State state = State.OPEN;
    private Throwable failure;

    /** {@code expectedSize}: a put's size, to size its buffer; {@link ObjectSink.Shape#UNKNOWN_SIZE} for a stream. */
    ObjectWriter(Syscalls sys, StoreCounters counters, StoreConfig config, WriteResources resources, StoreRoot root,
                 ObjectKey key, long expectedSize, boolean tmpfileAllowed) throws StoreIOException {
        this.counters = counters;
        this.config = config;
        this.key = key;
        this.target = key.resolveUnder(root.path());
        this.directory = root.makeParentsOf(key);
        StagingFile created = null;
        try {
            // rename would replace a symlink at the key without complaint: refuse it as every other call does
            directory.refuseSymlink(key.name(), "open writer");
            created = StagingFile.create(sys, new FileOpener(sys, config, counters), directory, tmpfileAllowed);
            this.sink = new ObjectSink(sys, counters, created.file(), config.tail(), resources,
                    new ObjectSink.Shape(config.bufferSize(), config.writesInFlight(), expectedSize));
        } catch (StoreIOException | RuntimeException | OutOfMemoryError failed) {
            if (created != null) {
                sys.closeQuietlyAfterFailure(created.file().fd());
                created.discardAfter(failed);
            }
            directory.close();
            throw failed;
        }
        this.staging = created;
        this.abandoned = AbandonedWriter.watch(this, sink, staging, directory, key.value());
    }

    /** Appends the chunk's remaining bytes (any number, 0 included); the chunk is not modified. */
    public void writeChunk(ByteBuffer chunk) throws StoreIOException {
        requireOpen("writeChunk");
        try {
            sink.append(chunk);
        } catch (StoreIOException | RuntimeException e) {
            recordFailure(e);
            throw e;
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Completes the object durably and says how its bytes were written. */
    public WriteResult finish() throws StoreIOException {
        requireOpen("finish");
        long start = System.nanoTime();
        abandoned.ended();
        try {
            // named before the tail is written: BUFFERED_REOPEN reopens the file by its name for it
            staging.link();
            long size = sink.finishAndSync();
            sink.close();
            directory.rename(staging.name(), key.name());
            directory.sync();
            state = State.FINISHED;
            directory.close();
            counters.objectWritten();
            OpenedFile file = sink.file();
            return new WriteResult(key.value(), target, size, sink.bytesDirect(), sink.bytesBuffered(),
                    file.alignment(), config.tail(), file.directIo());
        } catch (StoreIOException | RuntimeException e) {
            recordFailure(e);
            throw e;
        } finally {
            counters.latency("finish", System.nanoTime() - start);
            Reference.reachabilityFence(this);
        }
    }

    /** Gives the writer up; nothing is left under the key (an earlier object there stays as it was). */
    public void abort() throws StoreIOException {
        if (state == State.FAILED) {
            state = State.ABORTED;
            return;
        }
        requireOpen("abort");
        state = State.ABORTED;
        abandoned.ended();
        sink.closeAfterFailure();
        try {
            staging.discard();
        } finally {
            directory.close();
            Reference.reachabilityFence(this);
        }
    }

    /** Aborts a writer that is still open; does nothing otherwise. */
    @Override
    public void close() throws StoreIOException {
        if (state == State.OPEN) {
            abort();
        }
    }

    public String key() {
        return key.value();
    }

    public DioAlignment alignment() {
        return sink.file().alignment();
    }

    /** False when the file is written through the page cache (a {@code file://} store, or a fallback). */
    public boolean direct() {
        return sink.file().direct();
    }

    private void requireOpen(String call) {
        switch (state) {
            case OPEN -> { }
            case FINISHED -> throw new IllegalStateException(call + " on writer for key " + key + ": already finished");
            case ABORTED -> throw new IllegalStateException(call + " on writer for key " + key + ": it was aborted");
            case FAILED -> throw new IllegalStateException(call + " on writer for key " + key
                    + ": an earlier call failed (" + failure.getMessage() + ")", failure);
            default -> throw new IllegalStateException("unknown state " + state);
        }
    }

    /** A failed writer removes its temporary file and refuses every later call but abort. */
    private void recordFailure(Exception cause) {
        state = State.FAILED;
        failure = cause;
        abandoned.ended();
        sink.closeAfterFailure();
        try {
            staging.discardAfter(cause);
        } finally {
            directory.close();
        }
    }
}
