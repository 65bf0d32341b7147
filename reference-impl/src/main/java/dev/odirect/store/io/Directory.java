package dev.odirect.store.io;

import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_DIRECTORY;
import static dev.odirect.store.posix.LinuxFlags.O_NOFOLLOW;
import static dev.odirect.store.posix.LinuxFlags.O_RDONLY;

import dev.odirect.store.StoreIOException;
import dev.odirect.store.posix.Syscalls;
import java.nio.file.Path;
import java.util.List;

/**
 * A directory of the store held open by descriptor. Every call is made relative to the descriptor
 * and none follows a symlink, so what a key names stays beneath the root whatever the tree holds.
 * Errors name entries by their path. Not thread-safe; the root's descriptor is shared through
 * {@link #lent()} views.
 */
public final class Directory implements AutoCloseable {
    private static final int DIRECTORY_FLAGS = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
    private static final int NEW_DIRECTORY_MODE = 0755;

    private final Syscalls sys;
    private final int fd;
    private final Path path;
    private final boolean owned;
    private boolean closed;

    private Directory(Syscalls sys, int fd, Path path, boolean owned) {
        this.sys = sys;
        this.fd = fd;
        this.path = path;
        this.owned = owned;
    }

    /** Opens the store's root as configured, symlinks in its own path included. */
    static Directory openRoot(Syscalls sys, Path root) throws StoreIOException {
        return new Directory(sys, sys.open(root, DIRECTORY_FLAGS, 0, "open(root directory)"), root, true);
    }

    /** The same descriptor for a caller that closes what it is given: closing the view keeps it open. */
    Directory lent() {
        return new Directory(sys, fd, path, false);
    }

    /** Opens an entry with O_NOFOLLOW: a symlink is refused by the kernel, never followed. */
    public int open(String name, int flags, int mode, String call) throws StoreIOException {
        return sys.openAt(fd, name, flags | O_NOFOLLOW, mode, pathOf(name), call);
    }

    Directory openDirectory(String name) throws StoreIOException {
        return new Directory(sys, open(name, DIRECTORY_FLAGS, 0, "openat(directory)"), pathOf(name), true);
    }

    /** Opens a subdirectory, creating it if missing; its name is durable when this returns. */
    Directory openOrCreateDirectory(String name) throws StoreIOException {
        try {
            return openDirectory(name);
        } catch (StoreIOException missing) {
            if (!missing.errnoName().equals("ENOENT")) {
                throw missing;
            }
        }
        try {
            sys.mkdirAt(fd, name, NEW_DIRECTORY_MODE, pathOf(name));
        } catch (StoreIOException exists) {
            // Another writer won the race; its entry may not be synced yet, so it is synced here too.
            if (!exists.errnoName().equals("EEXIST")) {
                throw exists;
            }
        }
        Directory created = openDirectory(name);
        try {
            sync();
        } catch (StoreIOException | RuntimeException failed) {
            created.close();
            throw failed;
        }
        return created;
    }

    /** Refuses (ELOOP) a symlink at {@code name}, for steps such as unlink or rename that would act on one. */
    public void refuseSymlink(String name, String call) throws StoreIOException {
        sys.refuseSymlinkAt(fd, name, pathOf(name), call);
    }

    public void rename(String from, String to) throws StoreIOException {
        sys.renameAt(fd, from, to, pathOf(from));
    }

    public void unlink(String name) throws StoreIOException {
        sys.unlinkAt(fd, name, pathOf(name));
    }

    /** Gives the open file {@code fd}, which has no name (O_TMPFILE), the name {@code name} here. */
    public void linkOpenFile(int fileFd, String name) throws StoreIOException {
        sys.linkOpenFile(fileFd, fd, name, pathOf(name));
    }

    /** The names of the entries, through the descriptor. */
    List<String> names() throws StoreIOException {
        return sys.listDirectory(fd, path);
    }

    /** fsync: makes the entries created, renamed or removed in this directory durable. */
    public void sync() throws StoreIOException {
        sys.fsync(fd, path);
    }

    public Path path() {
        return path;
    }

    public Path pathOf(String name) {
        return path.resolve(name);
    }

    /** Closes an owned descriptor once; a lent view leaves it open. */
    @Override
    public void close() {
        if (owned && !closed) {
            sys.closeDirectory(fd);
        }
        closed = true;
    }
}
