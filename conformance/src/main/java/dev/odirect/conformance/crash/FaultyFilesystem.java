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

    /** Writes back and flushes everything so far, then fails the next request of that kind with EIO. */
    void failNext(Fault fault) throws IOException;

    /** How many injected errors the device has answered. */
    int fired();

    @Override
    void close() throws IOException;
}
