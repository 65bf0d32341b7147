package dev.odirect.matrix.blocks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One crash state, served for the kernel to mount: the log's writes that the state keeps, over
 * zeros, with copy-on-write for what mounting writes (journal replay, log recovery), which lives
 * in memory and goes with the state.
 */
final class StateDisk implements BlockDevice {
    private final BlockLog log;
    private final SectorMap sectors;
    private final Map<Integer, byte[]> written = new HashMap<>();

    StateDisk(BlockLog log, SectorMap sectors) {
        this.log = log;
        this.sectors = sectors;
    }

    @Override
    public long size() {
        return sectors.size();
    }

    @Override
    public synchronized void read(long offset, ByteBuffer into) throws IOException {
        Sectors.readAligned(offset, into, this::readSectors);
    }

    private void readSectors(long offset, ByteBuffer into) throws IOException {
        int sector = (int) (offset / SectorMap.SECTOR);
        if (written.isEmpty()) {
            sectors.read(log, offset, into);
            return;
        }
        while (into.hasRemaining()) {
            byte[] own = written.get(sector);
            ByteBuffer one = into.slice(into.position(), SectorMap.SECTOR);
            if (own != null) {
                one.put(own);
            } else {
                sectors.read(log, (long) sector * SectorMap.SECTOR, one);
            }
            into.position(into.position() + SectorMap.SECTOR);
            sector++;
        }
    }

    @Override
    public synchronized void write(long offset, ByteBuffer from) throws IOException {
        ByteBuffer whole = Sectors.widen(offset, from, this::readSectors);
        int sector = (int) (Sectors.alignDown(offset) / SectorMap.SECTOR);
        while (whole.hasRemaining()) {
            byte[] bytes = new byte[SectorMap.SECTOR];
            whole.get(bytes);
            written.put(sector++, bytes);
        }
    }

    @Override
    public void flush() {
        // the state lives only as long as its check: nothing to keep
    }

    @Override
    public synchronized void discard(long offset, long length) {
        for (long at = Sectors.alignUp(offset); at + SectorMap.SECTOR <= offset + length; at += SectorMap.SECTOR) {
            written.put((int) (at / SectorMap.SECTOR), new byte[SectorMap.SECTOR]);
        }
    }
}
