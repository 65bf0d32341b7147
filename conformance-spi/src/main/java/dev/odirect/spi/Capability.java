package dev.odirect.spi;

/** What a store declares it offers beyond the required operations. */
public enum Capability {
    ABORT,
    DELETE,
    RANGED_GET,
    /** The store writes with O_DIRECT (rules about bypassing the page cache apply to it). */
    DIRECT_IO
}
