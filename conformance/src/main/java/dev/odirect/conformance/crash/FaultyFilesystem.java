package dev.odirect.conformance.crash;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fresh filesystem of a cell's kind on a device of its own that answers EIO when told to (the
 * role dm-error plays in xfstests), for the rule about device errors. It is damaged by design,
 * so it is made for one check and taken down after it.
 */
public interface FaultyFilesystem extends AutoCloseable {
    /** Which request of the device fails. */
    enum Fault { WRITE, FLUSH }

    Path mountPoint();

    /**
     * Writes back and flushes everything so far, then fails every request of that kind with EIO
     * until {@link #heal()}, as a device that died does: a retry cannot succeed, and a background
     * write of the filesystem cannot use up the fault before the store's own I/O meets it.
     */
    void failFromNow(Fault fault) throws IOException;

    /** The device answers again. */
    void heal();

    /** How many injected errors the device has answered. */
    int fired();

    @Override
    void close() throws IOException;
}
