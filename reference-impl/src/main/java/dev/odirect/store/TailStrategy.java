package dev.odirect.store;

/**
 * How the last bytes of an object that do not fill an aligned block are written, when the rest
 * goes through O_DIRECT.
 */
public enum TailStrategy {
    /** fcntl(F_SETFL) drops O_DIRECT on the descriptor for the last short write, as GNU dd does. */
    CLEAR_DIRECT,
    /** A second descriptor without O_DIRECT and without O_TRUNC writes the tail at its offset. */
    BUFFERED_REOPEN,
    /** The tail is padded with zeros to one aligned block, written direct, then ftruncate cuts the padding. */
    PAD_TRUNCATE
}
