package dev.odirect.spi.protocol;

/**
 * The error codes the adapter protocol names. A store may answer any errno name besides these
 * ({@code ENOSPC}, {@code ELOOP}...): {@code Outcome.code()} stays a string.
 */
public enum ErrorCode {
    /** A handle that was never opened, or is finished or aborted. */
    EBADHANDLE,
    /** An op the adapter does not offer. */
    EUNSUPPORTED,
    /** A request the adapter cannot read. */
    EPROTO,
    /** A bad key, a handle already open, a bad argument. */
    EINVAL,
    /** No such object, or no such root. */
    ENOENT,
    /** The store failed to read or write. */
    EIO;

    /** Whether an answer's code is this one. */
    public boolean is(String code) {
        return name().equals(code);
    }
}
