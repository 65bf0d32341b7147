package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A correct store that replaces objects atomically: the bytes go to a hidden temporary file beside
 * the key (aligned part with O_DIRECT, tail buffered), which is fdatasync'd, renamed over the key,
 * and the directory fsync'd. It declares atomic visibility. Opening a session removes the
 * temporary files a crash left (one session at a time: it takes every one it finds). Its mutants
 * change the order of those steps or leave one out, the bugs only crash states show.
 */
class RenamingStore extends NaiveDirectStore {
    private static final AtomicLong TEMPORARIES = new AtomicLong();
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp-\\d+");

    RenamingStore(Path root) {
        super(root);
        sweep();
    }

    /** Removes the temporary files under the root, each directory it changed fsync'd. */
    protected void sweep() {
        try (Stream<Path> files = Files.walk(root)) {
            Set<Path> changed = new HashSet<>();
            for (Path file : files.filter(RenamingStore::isTemporary).toList()) {
                Files.delete(file);
                changed.add(file.getParent());
            }
            changed.forEach(Posix::fsyncDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sweep " + root, e);
        }
    }

    private static boolean isTemporary(Path file) {
        return TEMPORARY.matcher(file.getFileName().toString()).matches()
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** Where the object for {@code file} is written before it is renamed over it. */
    protected Path temporaryFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp-" + TEMPORARIES.incrementAndGet());
    }

    @Override
    protected Outcome store(String key, List<byte[]> parts) {
        Path file = root.resolve(key);
        Outcome made = makeParents(file);
        if (!made.ok()) {
            return made;
        }
        Path temporary = temporaryFor(file);
        return writeFile(temporary, temporaryFlags(), layout(parts), fd -> commit(fd, temporary, file));
    }

    protected int temporaryFlags() {
        return Posix.O_WRONLY | Posix.O_CREAT | Posix.O_TRUNC | Posix.O_DIRECT;
    }

    /** The data synced, then renamed over the key, then the directory synced. */
    protected Outcome commit(int fd, Path temporary, Path file) {
        if (Posix.POSIX.fdatasync(fd) < 0) {
            return Posix.error("fdatasync");
        }
        Outcome renamed = rename(temporary, file);
        return renamed.ok() ? syncDirectory(file) : renamed;
    }

    protected Outcome syncDirectory(Path file) {
        return Posix.fsyncDirectory(file.getParent());
    }

    static Outcome rename(Path temporary, Path file) {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Outcome.success();
        } catch (IOException e) {
            return Outcome.error("EIO", "rename failed: " + e.getMessage());
        }
    }

    /** A new object renamed into place and acknowledged before its directory is synced: the rename is lost with the device's cache. */
    static final class RenameWithoutDirectorySync extends RenamingStore {
        RenameWithoutDirectorySync(Path root) {
            super(root);
        }

        @Override
        protected Outcome syncDirectory(Path file) {
            return Outcome.success();
        }
    }

    /**
     * The bytes written through the page cache, renamed over the key and the directory synced
     * before the data: a crash in between finds the key with a file its data never reached.
     */
    static final class RenameBeforeSync extends RenamingStore {
        RenameBeforeSync(Path root) {
            super(root);
        }

        @Override
        protected int temporaryFlags() {
            return Posix.O_WRONLY | Posix.O_CREAT | Posix.O_TRUNC;
        }

        @Override
        protected Outcome writeAligned(int fd, byte[] bytes, int aligned) {
            return Posix.pwrite(fd, ByteBuffer.wrap(bytes, 0, aligned), 0);
        }

        @Override
        protected Outcome commit(int fd, Path temporary, Path file) {
            Outcome renamed = rename(temporary, file);
            Outcome synced = renamed.ok() ? syncDirectory(file) : renamed;
            if (synced.ok() && Posix.POSIX.fdatasync(fd) < 0) {
                return Posix.error("fdatasync");
            }
            return synced;
        }
    }
}
