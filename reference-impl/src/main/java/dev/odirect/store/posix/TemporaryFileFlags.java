package dev.odirect.store.posix;

/** open(2) flags of the store's temporary files, kept out of {@link LinuxFlags} to keep its changes apart. */
public final class TemporaryFileFlags {
    /** __O_TMPFILE is the same on x86_64 and aarch64; O_DIRECTORY, which it includes, is not. */
    public static final int O_TMPFILE = 020000000 | LinuxFlags.O_DIRECTORY;
    /** So that opening a FIFO that wears a temporary name never blocks a sweep. */
    public static final int O_NONBLOCK = 04000;

    private TemporaryFileFlags() {
    }
}
