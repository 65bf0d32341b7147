package dev.odirect.store;

import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_RDONLY;

import dev.odirect.store.io.Directory;
import dev.odirect.store.io.DirectoryEntry;
import dev.odirect.store.io.FileOpener;
import dev.odirect.store.io.ObjectReader;
import dev.odirect.store.io.ObjectSink;
import dev.odirect.store.io.OpenedFile;
import dev.odirect.store.io.StoreRoot;
import dev.odirect.store.io.WriteResources;
import dev.odirect.store.posix.Syscalls;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * An object store over a root directory: the object for key {@code a/b} is the file
 * {@code root/a/b}. Writes are durable when they return; every failed system call is thrown as a
 * {@link StoreIOException}. Keys are resolved beneath the root without following symlinks: a key
 * through a symlink, or naming one, is refused (ELOOP or ENOTDIR). Open one with
 * {@link DirectStores#open(java.net.URI)}, close it once its calls and writers are done.
 * Thread-safe; each {@link ObjectWriter} is for one thread at a time.
 */
public final class DirectStore implements AutoCloseable {
    private final StoreRoot root;
    private final StoreConfig config;
    private final StoreCounters counters = new StoreCounters();
    private final Syscalls sys = new Syscalls(counters);
    private final FileOpener opener;
    private final ObjectReader reader;
    private final WriteResources resources = new WriteResources();
    private final boolean tmpfileAllowed;

    DirectStore(Path root, StoreConfig config) throws StoreIOException {
        this(root, config, true);
    }

    /**
     * Opening removes the temporary files that writers ended without finishing left beneath the root.
     *
     * @param tmpfileAllowed false stages every write in a named temporary file, as where O_TMPFILE is refused
     */
    DirectStore(Path root, StoreConfig config, boolean tmpfileAllowed) throws StoreIOException {
        this.root = StoreRoot.open(sys, root);
        this.config = config;
        this.opener = new FileOpener(sys, config, counters);
        this.reader = new ObjectReader(sys, opener, config, counters, resources.pool());
        this.tmpfileAllowed = tmpfileAllowed;
        try {
            this.root.sweepAbandonedTemporaries();
        } catch (StoreIOException | RuntimeException failed) {
            this.root.close();
            throw failed;
        }
    }

    /** Writes a whole object: the bytes from the buffer's position to its limit. */
    public WriteResult put(String key, ByteBuffer data) throws StoreIOException {
        long start = System.nanoTime();
        try (ObjectWriter writer = newWriter(key, data.remaining())) {
            writer.writeChunk(data);
            return writer.finish();
        } finally {
            counters.latency("put", System.nanoTime() - start);
        }
    }

    /** Starts a streaming writer; the key is checked before anything is created. */
    public ObjectWriter openWriter(String key) throws StoreIOException {
        return newWriter(key, ObjectSink.Shape.UNKNOWN_SIZE);
    }

    /** The whole object, in a heap buffer positioned at 0. */
    public ByteBuffer get(String key) throws StoreIOException {
        long start = System.nanoTime();
        try {
            return read(ObjectKey.of(key), 0, -1);
        } finally {
            counters.latency("get", System.nanoTime() - start);
        }
    }

    /** Up to {@code length} bytes from {@code offset}: fewer at the end of the object, none past it. */
    public ByteBuffer get(String key, long offset, int length) throws StoreIOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative: offset " + offset
                    + ", length " + length);
        }
        long start = System.nanoTime();
        try {
            return read(ObjectKey.of(key), offset, length);
        } finally {
            counters.latency("get range", System.nanoTime() - start);
        }
    }

    /** Removes the object durably; ENOENT when there is none. */
    public void delete(String key) throws StoreIOException {
        ObjectKey objectKey = ObjectKey.of(key);
        try (Directory parent = root.parentOf(objectKey)) {
            // unlink would remove a symlink at the key without complaint: refuse it as every other call does
            parent.refuseSymlink(objectKey.name(), "delete");
            parent.unlink(objectKey.name());
            parent.sync();
        }
    }

    /** The direct-I/O alignment of an existing object's file, as the store discovers it. */
    public DioAlignment alignmentOf(String key) throws StoreIOException {
        ObjectKey objectKey = ObjectKey.of(key);
        try (Directory parent = root.parentOf(objectKey)) {
            OpenedFile file = opener.open(new DirectoryEntry(parent, objectKey.name()), O_RDONLY | O_CLOEXEC,
                    O_RDONLY | O_CLOEXEC);
            sys.close(file.fd(), file.path());
            return file.alignment();
        }
    }

    /** Where the object for {@code key} lives; throws {@link InvalidKeyException} for a bad key. */
    public Path pathOf(String key) {
        return ObjectKey.of(key).resolveUnder(root.path());
    }

    public Path root() {
        return root.path();
    }

    public StoreConfig config() {
        return config;
    }

    public StoreCounters counters() {
        return counters;
    }

    /** Releases the root's descriptor and the writers' threads; a call made after this is an {@link IllegalStateException}. */
    @Override
    public void close() {
        root.close();
        resources.close();
    }

    private ObjectWriter newWriter(String key, long expectedSize) throws StoreIOException {
        return new ObjectWriter(sys, counters, config, resources, root, ObjectKey.of(key), expectedSize, tmpfileAllowed);
    }

    private ByteBuffer read(ObjectKey key, long offset, long length) throws StoreIOException {
        try (Directory parent = root.parentOf(key)) {
            return reader.read(new DirectoryEntry(parent, key.name()), offset, length);
        }
    }
}
