package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreSession;
import dev.odirect.spi.protocol.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A second, independently written direct store, simple on purpose: chunks are kept until finish,
 * then the object is written in place with O_DIRECT from aligned memory (4096-aligned part) and a
 * buffered tail (fcntl drops O_DIRECT), fdatasync'd, its directory fsync'd; {@code get} reads it
 * back the same way. Correct as it is; each
 * mutant overrides one step the way a real bug would.
 */
class NaiveDirectStore implements StoreSession {
    static final int ALIGN = 4096;

    protected final Path root;
    /** The key of each open handle, and the chunks it was sent. */
    protected final Map<String, String> keys = new HashMap<>();
    protected final Map<String, List<byte[]>> chunks = new HashMap<>();

    NaiveDirectStore(Path root) {
        this.root = root;
    }

    @Override
    public Outcome put(String key, byte[] data) {
        if (!validKey(key)) {
            return Outcome.error("EINVAL", "bad key " + key);
        }
        return throughSymlink(key).orElseGet(() -> store(key, List.of(data)));
    }

    @Override
    public Outcome open(String key, String handle) {
        if (!validKey(key) || keys.containsKey(handle)) {
            return Outcome.error("EINVAL", "bad key or handle in use");
        }
        Optional<Outcome> refused = throughSymlink(key);
        if (refused.isPresent()) {
            return refused.get();
        }
        keys.put(handle, key);
        chunks.put(handle, new ArrayList<>());
        return Outcome.success();
    }

    @Override
    public Outcome write(String handle, byte[] chunk) {
        if (!keys.containsKey(handle)) {
            return Outcome.error(ErrorCode.EBADHANDLE.name(), handle);
        }
        chunks.get(handle).add(chunk.clone());
        return Outcome.success();
    }

    @Override
    public Outcome finish(String handle) {
        String key = keys.remove(handle);
        return key == null ? Outcome.error(ErrorCode.EBADHANDLE.name(), handle) : store(key, chunks.remove(handle));
    }

    @Override
    public Outcome abort(String handle) {
        chunks.remove(handle);
        return keys.remove(handle) == null ? Outcome.error(ErrorCode.EBADHANDLE.name(), handle) : Outcome.success();
    }

    /** Reads the whole object the way it was written (aligned part direct, tail buffered), then cuts the window. */
    @Override
    public Outcome get(String key, OptionalLong offset, OptionalLong length) {
        Optional<Outcome> refused = throughSymlink(key);
        if (refused.isPresent()) {
            return refused.get();
        }
        int fd = Posix.open(root.resolve(key), Posix.O_RDONLY | Posix.O_DIRECT);
        if (fd < 0) {
            return Posix.error("open");
        }
        try {
            int size = Math.toIntExact(Posix.POSIX.fstat(fd).st_size());
            int aligned = size - size % ALIGN;
            ByteBuffer all = Posix.aligned(size);
            Outcome read = readAligned(fd, all.slice(0, aligned));
            if (read.ok() && aligned < size) {
                read = readTail(fd, all.slice(aligned, size - aligned), aligned);
            }
            if (!read.ok()) {
                return read;
            }
            int from = (int) Math.min(size, offset.orElse(0));
            int to = (int) Math.min(size, from + length.orElse(size));
            byte[] window = new byte[to - from];
            all.get(from, window);
            return Outcome.success(window);
        } finally {
            Posix.POSIX.close(fd);
        }
    }

    @Override
    public Outcome delete(String key) {
        Optional<Outcome> refused = throughSymlink(key);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            Files.delete(root.resolve(key));
            return syncAfterDelete(root.resolve(key).getParent());
        } catch (NoSuchFileException missing) {
            return Outcome.error("ENOENT", key);
        } catch (IOException e) {
            return Outcome.error("EIO", e.getMessage());
        }
    }

    @Override
    public void close() {
        keys.clear();
        chunks.clear();
    }

    protected boolean validKey(String key) {
        return !key.isEmpty() && !key.startsWith("/")
                && Arrays.stream(key.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
    }

    /** ELOOP when a segment of the key is a symlink: no key leads outside the root. */
    protected Optional<Outcome> throughSymlink(String key) {
        Path at = root;
        for (String segment : key.split("/")) {
            at = at.resolve(segment);
            if (Files.isSymbolicLink(at)) {
                return Optional.of(Outcome.error("ELOOP", key + " goes through the symlink " + at));
            }
        }
        return Optional.empty();
    }

    /** The flags of the object's file: in place, replacing what was there. */
    protected int createFlags() {
        return Posix.O_WRONLY | Posix.O_CREAT | Posix.O_TRUNC | Posix.O_DIRECT;
    }

    /** How the chunks become the object's bytes. */
    protected byte[] layout(List<byte[]> parts) {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        parts.forEach(whole::writeBytes);
        return whole.toByteArray();
    }

    protected Outcome store(String key, List<byte[]> parts) {
        Path file = root.resolve(key);
        Outcome made = makeParents(file);
        return made.ok() ? writeFile(file, createFlags(), layout(parts), fd -> sync(fd, file)) : made;
    }

    /** What makes a written file an object: sync it, or rename it into place. */
    @FunctionalInterface
    protected interface Commit {
        Outcome commit(int fd);
    }

    /** Writes the bytes to a new descriptor of {@code file} (aligned part, then tail) and commits them; removes the file on failure. */
    protected Outcome writeFile(Path file, int flags, byte[] bytes, Commit commit) {
        int aligned = bytes.length - bytes.length % ALIGN;
        int fd = Posix.open(file, flags);
        if (fd < 0) {
            return Posix.error("open");
        }
        Outcome written;
        try {
            written = writeAligned(fd, bytes, aligned);
            if (written.ok() && aligned < bytes.length) {
                written = writeTail(fd, file, bytes, aligned);
            }
            written = written.ok() ? commit.commit(fd) : written;
        } finally {
            Posix.POSIX.close(fd);
        }
        return written.ok() ? written : removeFile(file, written);
    }

    /** The directory fsync'd, so the delete survives a crash. */
    protected Outcome syncAfterDelete(Path directory) {
        return Posix.fsyncDirectory(directory);
    }

    /** Makes the key's missing directories, each made durable by an fsync of its parent. */
    protected Outcome makeParents(Path file) {
        List<Path> missing = new ArrayList<>();
        for (Path dir = file.getParent(); !Files.isDirectory(dir); dir = dir.getParent()) {
            missing.add(0, dir);
        }
        try {
            for (Path dir : missing) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            return Outcome.error("EIO", e.getMessage());
        }
        for (Path dir : missing) {
            Outcome synced = Posix.fsyncDirectory(dir.getParent());
            if (!synced.ok()) {
                return synced;
            }
        }
        return Outcome.success();
    }

    /** Removes the file (a write that failed leaves no partial object behind) and answers as given. */
    protected Outcome removeFile(Path file, Outcome answer) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the failure is what the caller needs to hear
        }
        return answer;
    }

    protected Outcome writeAligned(int fd, byte[] bytes, int aligned) {
        return Posix.pwrite(fd, Posix.aligned(bytes, 0, aligned), 0);
    }

    /** The tail as GNU dd writes it: O_DIRECT dropped with fcntl, then a plain write. */
    protected Outcome writeTail(int fd, Path file, byte[] bytes, int aligned) {
        Posix.dropDirect(fd);
        return Posix.pwrite(fd, Posix.aligned(bytes, aligned, bytes.length - aligned), aligned);
    }

    /** The aligned part, direct into aligned memory. */
    protected Outcome readAligned(int fd, ByteBuffer alignedPart) {
        return Posix.pread(fd, alignedPart, 0);
    }

    /** The tail, read the way it was written: O_DIRECT dropped, then a plain read. */
    protected Outcome readTail(int fd, ByteBuffer tail, int aligned) {
        Posix.dropDirect(fd);
        return Posix.pread(fd, tail, aligned);
    }

    protected Outcome sync(int fd, Path file) {
        if (Posix.POSIX.fdatasync(fd) < 0) {
            return Posix.error("fdatasync");
        }
        return Posix.fsyncDirectory(file.getParent());
    }
}
