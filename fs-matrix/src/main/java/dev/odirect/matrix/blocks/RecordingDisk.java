package dev.odirect.matrix.blocks;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The device a cell's filesystem lives on while the rules run: zeros at first, every write,
 * flush and discard appended to the {@link BlockLog} before it is answered, reads served from the
 * log. {@link DeviceFaults} make it fail the n-th write or flush with EIO, or answer flushes
 * without keeping anything.
 */
public final class RecordingDisk implements BlockDevice {
    /** A log entry's length is an int: a discard of a whole large device is logged in pieces. */
    private static final long MAX_DISCARD = 1L << 30;

    private final BlockLog log;
    private final SectorMap sectors;
    private volatile DeviceFaults faults = DeviceFaults.NONE;
    private int writes;
    private int flushes;
    private int fired;

    public RecordingDisk(BlockLog log, long size) {
        this.log = log;
        this.sectors = new SectorMap(size);
    }

    public BlockLog log() {
        return log;
    }

    /** From now on, count writes and flushes for {@code faults}. */
    public synchronized void arm(DeviceFaults faults) {
        this.faults = faults;
        this.writes = 0;
        this.flushes = 0;
    }

    /** How many injected errors were answered. */
    public synchronized int fired() {
        return fired;
    }

    @Override
    public long size() {
        return sectors.size();
    }

    @Override
    public synchronized void read(long offset, ByteBuffer into) throws IOException {
        Sectors.readAligned(offset, into, (start, aligned) -> sectors.read(log, start, aligned));
    }

    @Override
    public synchronized void write(long offset, ByteBuffer from) throws IOException {
        if (faults.failWrite() > 0 && ++writes >= faults.failWrite()) {
            fired++;
            throw new DeviceFaults.InjectedError("write " + writes + " after the faults were armed");
        }
        ByteBuffer whole = Sectors.widen(offset, from, (start, aligned) -> sectors.read(log, start, aligned));
        sectors.apply(log.write(Sectors.alignDown(offset), whole));
    }

    @Override
    public synchronized void flush() throws IOException {
        if (faults.failFlush() > 0 && ++flushes >= faults.failFlush()) {
            fired++;
            throw new DeviceFaults.InjectedError("flush " + flushes + " after the faults were armed");
        }
        log.flush(faults.lyingFlushes());
    }

    @Override
    public synchronized void discard(long offset, long length) throws IOException {
        long end = Sectors.alignDown(offset + length);
        for (long start = Sectors.alignUp(offset); start < end; start += MAX_DISCARD) {
            sectors.apply(log.discard(start, Math.min(MAX_DISCARD, end - start)));
        }
    }
}
