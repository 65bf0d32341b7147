package dev.odirect.store.io;

import static dev.odirect.store.posix.LinuxFlags.O_CLOEXEC;
import static dev.odirect.store.posix.LinuxFlags.O_CREAT;
import static dev.odirect.store.posix.LinuxFlags.O_EXCL;
import static dev.odirect.store.posix.LinuxFlags.O_TRUNC;
import static dev.odirect.store.posix.LinuxFlags.O_WRONLY;
import static dev.odirect.store.posix.TemporaryFileFlags.O_TMPFILE;

import dev.odirect.store.StoreIOException;
import dev.odirect.store.TemporaryName;
import dev.odirect.store.posix.Syscalls;
import java.util.Optional;
import java.util.Set;
import jnr.constants.platform.Errno;

/**
 * The file a writer's bytes wait in until finish, in the key's directory. Where the filesystem
 * makes one it is an O_TMPFILE file: it has no name until finish links it to a temporary name,
 * so a crash or a kill before then leaves nothing. Elsewhere it has a temporary name from the
 * start, and the sweep at the store's next open removes it once its writer is gone. The writer
 * holds flock(LOCK_EX) on it from the start, which is how the sweep of another store on the same
 * root knows to leave it alone.
 */
public final class StagingFile {
    /** O_TMPFILE refused: not on this filesystem (EOPNOTSUPP), a kernel without it (EISDIR), or refused outright (EINVAL). */
    private static final Set<Integer> NO_TMPFILE = Set.of(Errno.EOPNOTSUPP.intValue(), Errno.EISDIR.intValue(),
            Errno.EINVAL.intValue());
    /** A sweep can take a named file only between its creation and its lock: that happening this often is no race. */
    private static final int ATTEMPTS = 8;

    private final Directory directory;
    private final OpenedFile file;
    private volatile boolean named;

    private StagingFile(Directory directory, OpenedFile file, boolean named) {
        this.directory = directory;
        this.file = file;
        this.named = named;
    }

    /** A new staging file in {@code directory}: O_TMPFILE where allowed and the filesystem makes one, else named. */
    public static StagingFile create(Syscalls sys, FileOpener opener, Directory directory, boolean tmpfileAllowed)
            throws StoreIOException {
        if (tmpfileAllowed && Syscalls.descriptorsHavePaths()) {
            Optional<StagingFile> unnamed = unnamed(sys, opener, directory);
            if (unnamed.isPresent()) {
                return unnamed.get();
            }
        }
        return named(sys, opener, directory);
    }

    private static Optional<StagingFile> unnamed(Syscalls sys, FileOpener opener, Directory directory)
            throws StoreIOException {
        OpenedFile opened;
        try {
            opened = opener.open(new DirectoryEntry(directory, "."), O_TMPFILE | O_WRONLY | O_CLOEXEC,
                    O_TMPFILE | O_WRONLY | O_CLOEXEC);
        } catch (StoreIOException refused) {
            if (NO_TMPFILE.contains(refused.errno())) {
                return Optional.empty();
            }
            throw refused;
        }
        // the name finish will link it to, for errors and for BUFFERED_REOPEN, which reopens the file by name for its tail
        OpenedFile file = new OpenedFile(opened.fd(), new DirectoryEntry(directory, TemporaryName.random()),
                opened.alignment(), opened.filesystem(), opened.directIo());
        StagingFile staging = new StagingFile(directory, file, false);
        staging.lock(sys);
        return Optional.of(staging);
    }

    private static StagingFile named(Syscalls sys, FileOpener opener, Directory directory) throws StoreIOException {
        for (int attempt = 1; ; attempt++) {
            DirectoryEntry entry = new DirectoryEntry(directory, TemporaryName.random());
            OpenedFile file;
            try {
                file = opener.open(entry, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC);
            } catch (StoreIOException | RuntimeException | OutOfMemoryError failed) {
                // a refused O_DIRECT open may already have created the file
                unlinkAfter(directory, entry.name(), failed);
                throw failed;
            }
            StagingFile staging = new StagingFile(directory, file, true);
            staging.lock(sys);
            if (staging.stillNamed(sys)) {
                return staging;
            }
            sys.close(file.fd(), file.path());
            if (attempt == ATTEMPTS) {
                throw new StoreIOException("create temporary file", "EAGAIN", Errno.EAGAIN.intValue(), entry.path(),
                        StoreIOException.NO_OFFSET, "removed by a sweep before it could be locked, " + ATTEMPTS + " times");
            }
        }
    }

    /** False when another store's sweep removed the file between its creation and the lock. */
    private boolean stillNamed(Syscalls sys) throws StoreIOException {
        return guarded(sys, () -> sys.linkCount(file.fd(), file.path()) > 0);
    }

    private void lock(Syscalls sys) throws StoreIOException {
        guarded(sys, () -> {
            sys.lockExclusive(file.fd(), file.path());
            return true;
        });
    }

    @FunctionalInterface
    private interface Step {
        boolean run() throws StoreIOException;
    }

    /** Runs a step of creation; if it fails, the file is closed and its name removed. */
    private boolean guarded(Syscalls sys, Step step) throws StoreIOException {
        try {
            return step.run();
        } catch (StoreIOException | RuntimeException failed) {
            sys.closeQuietlyAfterFailure(file.fd());
            discardAfter(failed);
            throw failed;
        }
    }

    public OpenedFile file() {
        return file;
    }

    /** The temporary name, which an O_TMPFILE file only has after {@link #link()}. */
    public String name() {
        return file.entry().name();
    }

    /** Gives an O_TMPFILE file its temporary name, for finish to rename over the key; a named file has it already. */
    public void link() throws StoreIOException {
        if (!named) {
            directory.linkOpenFile(file.fd(), name());
            named = true;
        }
    }

    /** Removes the temporary name, if there is one; an O_TMPFILE file without one goes with its last descriptor. */
    public void discard() throws StoreIOException {
        if (named) {
            named = false;
            directory.unlink(name());
        }
    }

    /** {@link #discard()} on a path that already fails: its own failure, other than the name being gone, goes with that one. */
    public void discardAfter(Throwable failure) {
        if (named) {
            named = false;
            unlinkAfter(directory, name(), failure);
        }
    }

    private static void unlinkAfter(Directory directory, String name, Throwable failure) {
        try {
            directory.unlink(name);
        } catch (StoreIOException notRemoved) {
            if (!notRemoved.errnoName().equals("ENOENT")) {
                failure.addSuppressed(notRemoved);
            }
        }
    }
}
