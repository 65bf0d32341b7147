package dev.odirect.matrix.blocks;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Byte ranges widened to whole sectors, for requests that do not start or end on one. */
final class Sectors {
    /** Reads whole sectors from a sector-aligned offset into a buffer of whole sectors. */
    @FunctionalInterface
    interface AlignedRead {
        void read(long offset, ByteBuffer into) throws IOException;
    }

    private Sectors() {
    }

    static long alignDown(long offset) {
        return offset / SectorMap.SECTOR * SectorMap.SECTOR;
    }

    static long alignUp(long offset) {
        return (offset + SectorMap.SECTOR - 1) / SectorMap.SECTOR * SectorMap.SECTOR;
    }

    static boolean aligned(long offset, int length) {
        return offset % SectorMap.SECTOR == 0 && length % SectorMap.SECTOR == 0;
    }

    static void readAligned(long offset, ByteBuffer into, AlignedRead read) throws IOException {
        if (aligned(offset, into.remaining())) {
            read.read(offset, into);
            return;
        }
        long start = alignDown(offset);
        ByteBuffer whole = ByteBuffer.allocate((int) (alignUp(offset + into.remaining()) - start));
        read.read(start, whole);
        into.put(whole.position((int) (offset - start)).limit((int) (offset - start) + into.remaining()));
    }

    /** The write's bytes over the current content of the sectors it touches. */
    static ByteBuffer widen(long offset, ByteBuffer from, AlignedRead current) throws IOException {
        if (aligned(offset, from.remaining())) {
            return from;
        }
        long start = alignDown(offset);
        ByteBuffer whole = ByteBuffer.allocate((int) (alignUp(offset + from.remaining()) - start));
        current.read(start, whole);
        whole.position((int) (offset - start)).put(from.duplicate());
        return whole.clear();
    }
}
