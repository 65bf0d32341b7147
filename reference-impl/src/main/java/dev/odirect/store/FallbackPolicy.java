package dev.odirect.store;

/**
 * What a {@code direct://} store does where the filesystem refuses O_DIRECT (EINVAL at open, as
 * ext4 with data=journal does, or statx reporting no direct I/O for the file).
 */
public enum FallbackPolicy {
    /** Write through the page cache instead, and say so in the {@link WriteResult} and the log. */
    BUFFERED,
    /** Fail the operation with the EINVAL of the refused open. */
    FAIL
}
