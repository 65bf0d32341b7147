package dev.odirect.matrix.blocks;

import java.io.IOException;

/**
 * Faults of the recording device, counted from when they are armed (xfstests uses dm-error and
 * dm-flakey for the same): EIO on the n-th write or the n-th flush (0: never), and flushes that
 * answer ok and keep nothing.
 */
public record DeviceFaults(int failWrite, int failFlush, boolean lyingFlushes) {
    public static final DeviceFaults NONE = new DeviceFaults(0, 0, false);

    /** An error the device was told to answer; the FUSE server turns it into EIO. */
    public static final class InjectedError extends IOException {
        public InjectedError(String what) {
            super("injected EIO on " + what);
        }
    }
}
