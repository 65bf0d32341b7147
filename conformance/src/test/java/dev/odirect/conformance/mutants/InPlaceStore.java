package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import dev.odirect.spi.protocol.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A correct store that writes streams in place, as many O_DIRECT writers do: the file exists
 * from {@code open}, full aligned blocks go to it with O_DIRECT as chunks arrive, and
 * {@code finish} writes the tail, syncs the file and its directory. It does not declare atomic
 * visibility: an open stream's key shows the bytes so far, and an abort removes the file. One
 * writer per key at a time (a second {@code open} of a key being written answers EBUSY).
 */
class InPlaceStore extends NaiveDirectStore {
    private final Map<String, Writer> writers = new HashMap<>();

    /** An open stream: its file, how much is on it, and the bytes of the unaligned block not yet written. */
    private static final class Writer {
        final String key;
        final Path file;
        final int fd;
        long written;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        Outcome failure;

        Writer(String key, Path file, int fd) {
            this.key = key;
            this.file = file;
            this.fd = fd;
        }
    }

    InPlaceStore(Path root) {
        super(root);
    }

    @Override
    public Outcome open(String key, String handle) {
        if (!validKey(key) || writers.containsKey(handle)) {
            return Outcome.error("EINVAL", "bad key or handle in use");
        }
        if (locksKeys() && writers.values().stream().anyMatch(writer -> writer.key.equals(key))) {
            return Outcome.error("EBUSY", key + " is being written by another stream");
        }
        Optional<Outcome> refused = throughSymlink(key);
        if (refused.isPresent()) {
            return refused.get();
        }
        Path file = root.resolve(key);
        Outcome made = makeParents(file);
        if (!made.ok()) {
            return made;
        }
        int fd = Posix.open(file, createFlags());
        if (fd < 0) {
            return Posix.error("open");
        }
        writers.put(handle, new Writer(key, file, fd));
        return Outcome.success();
    }

    /** Whether a second stream on a key being written is refused. */
    protected boolean locksKeys() {
        return true;
    }

    @Override
    public Outcome write(String handle, byte[] chunk) {
        Writer writer = writers.get(handle);
        if (writer == null) {
            return Outcome.error(ErrorCode.EBADHANDLE.name(), handle);
        }
        writer.pending.writeBytes(chunk);
        byte[] pending = writer.pending.toByteArray();
        int full = pending.length - pending.length % ALIGN;
        if (writer.failure == null && full > 0) {
            Outcome written = Posix.pwrite(writer.fd, Posix.aligned(pending, 0, full), writer.written);
            writer.failure = written.ok() ? null : written;
            writer.written += full;
            writer.pending.reset();
            writer.pending.write(pending, full, pending.length - full);
        }
        return writer.failure == null ? Outcome.success() : writer.failure;
    }

    @Override
    public Outcome finish(String handle) {
        Writer writer = writers.remove(handle);
        if (writer == null) {
            return Outcome.error(ErrorCode.EBADHANDLE.name(), handle);
        }
        try {
            if (writer.failure != null) {
                return writer.failure;
            }
            byte[] tail = writer.pending.toByteArray();
            Outcome written = tail.length == 0 ? Outcome.success()
                    : writeTailAt(writer.fd, tail, writer.written);
            return written.ok() ? sync(writer.fd, writer.file) : written;
        } finally {
            Posix.POSIX.close(writer.fd);
        }
    }

    private static Outcome writeTailAt(int fd, byte[] tail, long offset) {
        Posix.dropDirect(fd);
        return Posix.pwrite(fd, Posix.aligned(tail, 0, tail.length), offset);
    }

    @Override
    public Outcome abort(String handle) {
        Writer writer = writers.remove(handle);
        if (writer == null) {
            return Outcome.error(ErrorCode.EBADHANDLE.name(), handle);
        }
        Posix.POSIX.close(writer.fd);
        return removeFile(writer.file, Outcome.success());
    }

    @Override
    public void close() {
        writers.values().forEach(writer -> Posix.POSIX.close(writer.fd));
        writers.clear();
        super.close();
    }

    /** Lets two streams write one key at once: their blocks land in the same file and mix. */
    static final class NoKeyLock extends InPlaceStore {
        NoKeyLock(Path root) {
            super(root);
        }

        @Override
        protected boolean locksKeys() {
            return false;
        }
    }
}
