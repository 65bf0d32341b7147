package dev.odirect.spi;

/** What a store declares it offers beyond the required operations. */
public enum Capability {
    ABORT,
    DELETE,
    RANGED_GET,
    /** The store writes with O_DIRECT (rules about bypassing the page cache apply to it). */
    DIRECT_IO,
    /**
     * An object becomes visible only whole: while a stream is open its key holds the earlier object
     * (or nothing), and {@code put} and {@code finish} replace the earlier object in one step. Stores
     * that write in place do not declare it; the rules then accept what such stores show.
     */
    ATOMIC_VISIBILITY
}
