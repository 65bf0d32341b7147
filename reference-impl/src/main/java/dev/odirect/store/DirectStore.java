package dev.odirect.store;

import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_RDONLY;

import dev.odirect.store.io.FileOpener;
import dev.odirect.store.io.ObjectReader;
import dev.odirect.store.io.OpenedFile;
import dev.odirect.store.posix.Syscalls;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * An object store over a root directory: the object for key {@code a/b} is the file
 * {@code root/a/b}. Writes are durable when they return; every failed system call is thrown as a
 * {@link StoreIOException}. Open one with {@link DirectStores#open(java.net.URI)}. Thread-safe;
 * each {@link ObjectWriter} is for one thread at a time.
 */
public final class DirectStore {
    private final Path root;
    private final StoreConfig config;
    private final StoreCounters counters = new StoreCounters();
    private final Syscalls sys = new Syscalls(counters);
    private final FileOpener opener;
    private final ObjectReader reader;

    DirectStore(Path root, StoreConfig config) {
        this.root = root;
        this.config = config;
        this.opener = new FileOpener(sys, config, counters);
        this.reader = new ObjectReader(sys, opener, config, counters);
    }

    /** Writes a whole object: the bytes from the buffer's position to its limit. */
    public WriteResult put(String key, ByteBuffer data) throws StoreIOException {
        long start = System.nanoTime();
        try (ObjectWriter writer = openWriter(key)) {
            writer.writeChunk(data);
            return writer.finish();
        } finally {
            counters.latency("put", System.nanoTime() - start);
        }
    }

    /** Starts a streaming writer; the key is checked before anything is created. */
    public ObjectWriter openWriter(String key) throws StoreIOException {
        return new ObjectWriter(sys, counters, config, root, ObjectKey.of(key));
    }

    /** The whole object, in a heap buffer positioned at 0. */
    public ByteBuffer get(String key) throws StoreIOException {
        long start = System.nanoTime();
        try {
            return reader.read(pathOf(key), 0, -1);
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
            return reader.read(pathOf(key), offset, length);
        } finally {
            counters.latency("get range", System.nanoTime() - start);
        }
    }

    /** Removes the object durably; ENOENT when there is none. */
    public void delete(String key) throws StoreIOException {
        Path path = pathOf(key);
        sys.unlink(path);
        sys.fsyncDirectory(path.getParent());
    }

    /** The direct-I/O alignment of an existing object's file, as the store discovers it. */
    public DioAlignment alignmentOf(String key) throws StoreIOException {
        OpenedFile file = opener.open(pathOf(key), O_RDONLY | O_CLOEXEC, O_RDONLY | O_CLOEXEC);
        sys.close(file.fd(), file.path());
        return file.alignment();
    }

    /** Where the object for {@code key} lives; throws {@link InvalidKeyException} for a bad key. */
    public Path pathOf(String key) {
        return ObjectKey.of(key).resolveUnder(root);
    }

    public Path root() {
        return root;
    }

    public StoreConfig config() {
        return config;
    }

    public StoreCounters counters() {
        return counters;
    }
}
