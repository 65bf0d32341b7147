package dev.odirect.store;

import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_CREAT;
import static dev.odirect.store.posix.LinuxFlags.O_EXCL;
import static dev.odirect.store.posix.LinuxFlags.O_TRUNC;
import static dev.odirect.store.posix.LinuxFlags.O_WRONLY;

import dev.odirect.store.io.Directory;
import dev.odirect.store.io.DirectoryEntry;
import dev.odirect.store.io.FileOpener;
import dev.odirect.store.io.ObjectSink;
import dev.odirect.store.io.OpenedFile;
import dev.odirect.store.io.StoreRoot;
import dev.odirect.store.io.WriteResources;
import dev.odirect.store.posix.Syscalls;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A streaming writer for one key (the s3dlio note's {@code write_chunk}/{@code finalize}). Bytes go
 * to a hidden temporary file beside the object; {@link #finish()} syncs it, renames it over the
 * key and syncs the directory, so a reader sees the old object or the whole new one, and an
 * acknowledged object survives a crash. The parent directory stays open by descriptor until the
 * writer ends, and every step is relative to it. Not thread-safe: one thread, or the async façade,
 * at a time.
 */
public final class ObjectWriter implements AutoCloseable {
    /** Prefix of in-progress files; they never carry a key's name. */
    public static final String TEMP_PREFIX = ".odirect-tmp-";

    private enum State { OPEN, FINISHED, ABORTED, FAILED }

    private final Syscalls sys;
    private final StoreCounters counters;
    private final ObjectKey key;
    private final Path target;
    private final Directory directory;
    private final ObjectSink sink;
    private final StoreConfig config;
    private final WriteResources resources;
    private final long expectedSize;
    private State state = State.OPEN;
    private Throwable failure;

    ObjectWriter(Syscalls sys, StoreCounters counters, StoreConfig config, WriteResources resources, StoreRoot root,
                 ObjectKey key, long expectedSize) throws StoreIOException {
        this.sys = sys;
        this.counters = counters;
        this.config = config;
        this.resources = resources;
        this.expectedSize = expectedSize;
        this.key = key;
        this.target = key.resolveUnder(root.path());
        this.directory = root.makeParentsOf(key);
        try {
            // rename would replace a symlink at the key without complaint: refuse it as every other call does
            directory.refuseSymlink(key.name(), "open writer");
            String temp = TEMP_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            this.sink = openSink(new DirectoryEntry(directory, temp));
        } catch (StoreIOException | RuntimeException | OutOfMemoryError failed) {
            directory.close();
            throw failed;
        }
    }

    /** A refused O_DIRECT open may already have created the file: nothing may stay behind. */
    private ObjectSink openSink(DirectoryEntry temp) throws StoreIOException {
        OpenedFile file = null;
        try {
            file = new FileOpener(sys, config, counters)
                    .open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC);
            return new ObjectSink(sys, counters, file, config.tail(), resources,
                    new ObjectSink.Shape(config.bufferSize(), config.writesInFlight(), expectedSize));
        } catch (StoreIOException | RuntimeException | OutOfMemoryError failed) {
            if (file != null) {
                sys.closeQuietlyAfterFailure(file.fd());
            }
            try {
                directory.unlink(temp.name());
            } catch (StoreIOException neverCreated) {
                if (!neverCreated.errnoName().equals("ENOENT")) {
                    failed.addSuppressed(neverCreated);
                }
            }
            throw failed;
        }
    }

    /** Appends the chunk's remaining bytes (any number, 0 included); the chunk is not modified. */
    public void writeChunk(ByteBuffer chunk) throws StoreIOException {
        requireOpen("writeChunk");
        try {
            sink.append(chunk);
        } catch (StoreIOException | RuntimeException e) {
            recordFailure(e);
            throw e;
        }
    }

    /** Completes the object durably and says how its bytes were written. */
    public WriteResult finish() throws StoreIOException {
        requireOpen("finish");
        long start = System.nanoTime();
        try {
            long size = sink.finishAndSync();
            sink.close();
            directory.rename(sink.file().entry().name(), key.name());
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
        sink.closeAfterFailure();
        try {
            unlinkTemporaryFile();
        } finally {
            directory.close();
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
        sink.closeAfterFailure();
        try {
            unlinkTemporaryFile();
        } catch (StoreIOException alreadyGone) {
            cause.addSuppressed(alreadyGone);
        } finally {
            directory.close();
        }
    }

    private void unlinkTemporaryFile() throws StoreIOException {
        directory.unlink(sink.file().entry().name());
    }
}
