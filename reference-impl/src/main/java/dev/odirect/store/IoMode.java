package dev.odirect.store;

/** How object bytes reach the file: {@code direct://} URIs use O_DIRECT, {@code file://} the page cache. */
public enum IoMode {
    DIRECT,
    BUFFERED
}
