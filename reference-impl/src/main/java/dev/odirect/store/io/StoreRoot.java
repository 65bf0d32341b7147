package dev.odirect.store.io;

import dev.odirect.store.ObjectKey;
import dev.odirect.store.StoreIOException;
import dev.odirect.store.posix.Syscalls;
import java.nio.file.Path;

/**
 * The store's root directory, held open from store open to close. A key's directories are walked
 * one segment at a time from its descriptor, each opened with O_NOFOLLOW, so a symlinked
 * directory in a key is refused (ENOTDIR or ELOOP, as the kernel answers) instead of leading out
 * of the root. Thread-safe: walks only read the shared descriptor. Close it once every call has returned.
 */
public final class StoreRoot implements AutoCloseable {
    @FunctionalInterface
    private interface Step {
        Directory enter(Directory directory, String segment) throws StoreIOException;
    }

    private final Syscalls sys;
    private final Directory root;
    private volatile boolean closed;

    private StoreRoot(Syscalls sys, Directory root) {
        this.sys = sys;
        this.root = root;
    }

    public static StoreRoot open(Syscalls sys, Path path) throws StoreIOException {
        return new StoreRoot(sys, Directory.openRoot(sys, path));
    }

    /** The key's parent directory, open; a missing one is ENOENT. The caller closes it. */
    public Directory parentOf(ObjectKey key) throws StoreIOException {
        return walk(key, Directory::openDirectory);
    }

    /** The key's parent directory, open, its missing directories created durably. The caller closes it. */
    public Directory makeParentsOf(ObjectKey key) throws StoreIOException {
        return walk(key, Directory::openOrCreateDirectory);
    }

    public Path path() {
        return root.path();
    }

    /** Removes the temporary files writers left beneath the root and no live writer holds; returns how many. */
    public int sweepAbandonedTemporaries() throws StoreIOException {
        return new TemporarySweep(sys).sweep(root.lent());
    }

    @Override
    public void close() {
        closed = true;
        root.close();
    }

    private Directory walk(ObjectKey key, Step step) throws StoreIOException {
        if (closed) {
            throw new IllegalStateException("the store at " + root.path() + " is closed");
        }
        Directory current = root.lent();
        try {
            for (String segment : key.parentSegments()) {
                Directory next = step.enter(current, segment);
                current.close();
                current = next;
            }
            return current;
        } catch (StoreIOException | RuntimeException failed) {
            current.close();
            throw failed;
        }
    }
}
