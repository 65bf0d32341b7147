package dev.odirect.store.io;

import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_RDONLY;
import static dev.odirect.store.posix.TemporaryFileFlags.O_NONBLOCK;

import dev.odirect.store.StoreIOException;
import dev.odirect.store.TemporaryName;
import dev.odirect.store.posix.Syscalls;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes the temporary files that writers left when they ended without finishing (a killed
 * process, a crash between naming a file and renaming it, a fallback to named files). A walk of
 * the tree by descriptor that never follows a symlink; it removes only regular files named in
 * the form no key can take, and only those no live writer holds: every writer holds
 * flock(LOCK_EX) on its file while it is open, so a store opening on a root another store is
 * writing to leaves that one's files alone. Each directory it changed is synced.
 */
final class TemporarySweep {
    private static final System.Logger LOG = System.getLogger("dev.odirect.store");
    /** Not a directory to enter: a file, a symlink (O_NOFOLLOW refuses it), or an entry gone meanwhile. */
    private static final Set<String> NOT_ENTERED = Set.of("ENOTDIR", "ELOOP", "ENOENT");
    /** Not a file to remove: a symlink wearing a temporary name, or a file its writer finished or removed meanwhile. */
    private static final Set<String> NOT_REMOVED = Set.of("ELOOP", "ENOENT");

    private static final Set<String> REPORTED_ROOTS = ConcurrentHashMap.newKeySet();

    private final Syscalls sys;
    private int removed;

    TemporarySweep(Syscalls sys) {
        this.sys = sys;
    }

    /** Sweeps the tree under {@code top}, which it closes; returns how many files it removed. */
    int sweep(Directory top) throws StoreIOException {
        if (!Syscalls.descriptorsHavePaths()) {
            top.close();
            LOG.log(System.Logger.Level.WARNING, "{0}: no /proc/self/fd to list directories by descriptor: temporary "
                    + "files of writers that ended without finishing are not removed", top.path());
            return 0;
        }
        try (top) {
            sweepTree(top);
        }
        if (removed > 0) {
            // once per root at INFO: a root reopened after each of hundreds of crash states would fill the console
            System.Logger.Level level = REPORTED_ROOTS.add(top.path().toString()) ? System.Logger.Level.INFO
                    : System.Logger.Level.DEBUG;
            LOG.log(level, "{0}: removed {1} temporary files of writers that ended without "
                    + "finishing (a crash or a killed process)", top.path(), removed);
        }
        return removed;
    }

    private void sweepTree(Directory directory) throws StoreIOException {
        boolean changed = false;
        for (String name : directory.names()) {
            if (TemporaryName.isTemporary(name)) {
                changed |= removeIfAbandoned(directory, name);
            } else {
                Optional<Directory> below = enter(directory, name);
                if (below.isPresent()) {
                    try (Directory subdirectory = below.get()) {
                        sweepTree(subdirectory);
                    }
                }
            }
        }
        if (changed) {
            directory.sync();
        }
    }

    private static Optional<Directory> enter(Directory directory, String name) throws StoreIOException {
        try {
            return Optional.of(directory.openDirectory(name));
        } catch (StoreIOException notADirectory) {
            if (NOT_ENTERED.contains(notADirectory.errnoName())) {
                return Optional.empty();
            }
            throw notADirectory;
        }
    }

    /** Removes the file if it is a regular file no descriptor holds locked; the lock is held while it is removed. */
    private boolean removeIfAbandoned(Directory directory, String name) throws StoreIOException {
        Path path = directory.pathOf(name);
        int fd;
        try {
            fd = directory.open(name, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0, "open(temporary file, to sweep it)");
        } catch (StoreIOException notOurs) {
            if (NOT_REMOVED.contains(notOurs.errnoName())) {
                return false;
            }
            throw notOurs;
        }
        boolean remove;
        try {
            remove = sys.isRegularFile(fd, path) && sys.tryLockExclusive(fd, path) && unlinkIfPresent(directory, name);
        } catch (StoreIOException | RuntimeException failed) {
            sys.closeQuietlyAfterFailure(fd);
            throw failed;
        }
        sys.close(fd, path);
        if (remove) {
            removed++;
        }
        return remove;
    }

    private static boolean unlinkIfPresent(Directory directory, String name) throws StoreIOException {
        try {
            directory.unlink(name);
            return true;
        } catch (StoreIOException gone) {
            if (gone.errnoName().equals("ENOENT")) {
                return false;
            }
            throw gone;
        }
    }
}
