package dev.odirect.matrix.blocks;

import java.io.IOException;

/**
 * Faults of the recording device, counted from when they are armed (xfstests uses dm-error and
 * dm-flakey for the same): EIO on the n-th write or the n-th flush and on every one after it until
 * the faults are disarmed (0: never), and flushes that answer ok and keep nothing.
 */
public record DeviceFaults(int failWrite, int failFlush, boolean lyingFlushes) {
    public static final DeviceFaults NONE = new DeviceFaults(0, 0, false);

    /** Every write (or flush) fails from now on, as a device that died does. */
    public static DeviceFaults failingFrom(boolean writes) {
        return writes ? new DeviceFaults(1, 0, false) : new DeviceFaults(0, 1, false);
    }

    /** An error the device was told to answer; the FUSE server turns it into EIO. */
    public static final class InjectedError extends IOException {
        public InjectedError(String what) {
            super("injected EIO on " + what);
        }
    }
}
