package dev.odirect.matrix.blocks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Where each 512-byte sector of a device lives: in the block log (the position of its bytes) or
 * nowhere (zeros: never written, or discarded). A device is its log replayed onto zeros, so no
 * image is ever copied.
 */
final class SectorMap {
    static final int SECTOR = 512;
    private static final long ZERO = -1;

    private final long[] positions;

    SectorMap(long deviceSize) {
        this.positions = new long[Math.toIntExact(deviceSize / SECTOR)];
        Arrays.fill(positions, ZERO);
    }

    private SectorMap(long[] positions) {
        this.positions = positions;
    }

    SectorMap copy() {
        return new SectorMap(positions.clone());
    }

    long size() {
        return (long) positions.length * SECTOR;
    }

    /** The write's sectors now read from the log at {@code dataPosition}; {@code keep} chooses sectors of a torn write. */
    void apply(BlockLog.Entry entry, IntPredicate keep) {
        int first = (int) (entry.offset() / SECTOR);
        for (int i = 0; i < entry.length() / SECTOR; i++) {
            if (keep.test(i)) {
                positions[first + i] = entry.kind() == BlockLog.Kind.WRITE ? entry.dataPosition() + (long) i * SECTOR : ZERO;
            }
        }
    }

    void apply(BlockLog.Entry entry) {
        apply(entry, i -> true);
    }

    /** Fills {@code into} with the sectors' bytes from {@code offset} (sector aligned), reading runs of the log at once. */
    void read(BlockLog log, long offset, ByteBuffer into) throws IOException {
        int sector = (int) (offset / SECTOR);
        while (into.hasRemaining()) {
            int run = 1;
            int most = into.remaining() / SECTOR;
            long start = positions[sector];
            while (run < most && positions[sector + run] == (start == ZERO ? ZERO : start + (long) run * SECTOR)) {
                run++;
            }
            ByteBuffer part = into.slice(into.position(), Math.min(run * SECTOR, into.remaining()));
            if (start == ZERO) {
                while (part.hasRemaining()) {
                    part.put((byte) 0);
                }
            } else {
                log.read(start, part);
            }
            into.position(into.position() + part.capacity());
            sector += run;
        }
    }
}
