package dev.odirect.store.posix;

import jnr.constants.platform.Errno;
import jnr.posix.util.DefaultPOSIXHandler;

/**
 * jnr-posix's default handler throws a bare RuntimeException from some calls (mkdir, fstat...)
 * and not from others. This one lets every call return -1 so {@link Syscalls} reads errno and
 * reports all failures the same way.
 */
final class ErrnoReturningHandler extends DefaultPOSIXHandler {
    @Override
    public void error(Errno error, String extraData) {
        // reported by Syscalls from errno
    }

    @Override
    public void error(Errno error, String methodName, String extraData) {
        // reported by Syscalls from errno
    }
}
