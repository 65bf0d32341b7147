package dev.odirect.matrix.blocks;

import java.io.IOException;
import java.nio.ByteBuffer;

/** What the FUSE server serves as one file: a fixed-size device that is read, written, flushed and discarded. */
public interface BlockDevice {
    long size();

    /**
     * Fills {@code into} (from its position to its limit) with the bytes at {@code offset}. A device
     * that fills fewer answers a short read, as a network filesystem may: the reader gets what was filled.
     */
    void read(long offset, ByteBuffer into) throws IOException;

    /** Writes the bytes of {@code from} (position to limit) at {@code offset}; done when it returns. */
    void write(long offset, ByteBuffer from) throws IOException;

    /** Everything written before is on stable storage when it returns (the device's cache flush). */
    void flush() throws IOException;

    /** The range reads as zeros from now on (a discard, or a punched hole). */
    void discard(long offset, long length) throws IOException;
}
