package dev.odirect.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A system call of the store failed. Carries what a person needs to act on it: the call, the errno
 * name (EINVAL, ENOSPC, ...), the path and the file offset. The store never turns one of these into
 * a success.
 */
public class StoreIOException extends IOException {
    private static final long serialVersionUID = 1L;
    /** Offset value for calls that have no file offset (open, fsync, rename...). */
    public static final long NO_OFFSET = -1;

    private final String call;
    private final String errnoName;
    private final int errno;
    private final transient Path path;
    private final long offset;

    public StoreIOException(String call, String errnoName, int errno, Path path, long offset, String detail) {
        super(describe(call, errnoName, path, offset, detail));
        this.call = call;
        this.errnoName = errnoName;
        this.errno = errno;
        this.path = path;
        this.offset = offset;
    }

    private static String describe(String call, String errnoName, Path path, long offset, String detail) {
        StringBuilder text = new StringBuilder(call).append(" failed: ").append(errnoName);
        if (detail != null && !detail.isEmpty()) {
            text.append(" (").append(detail).append(')');
        }
        text.append(", path ").append(path);
        if (offset != NO_OFFSET) {
            text.append(", offset ").append(offset);
        }
        return text.toString();
    }

    /** The system call or store step that failed, e.g. {@code pwrite} or {@code open(O_DIRECT)}. */
    public String call() {
        return call;
    }

    /** The errno name, e.g. {@code EINVAL}; adapters answer it as the protocol's error code. */
    public String errnoName() {
        return errnoName;
    }

    public int errno() {
        return errno;
    }

    public Path path() {
        return path;
    }

    /** The file offset of the failed I/O, or {@link #NO_OFFSET}. */
    public long offset() {
        return offset;
    }
}
