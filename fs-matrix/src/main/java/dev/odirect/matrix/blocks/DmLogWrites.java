package dev.odirect.matrix.blocks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a block log in the format of the kernel's dm-log-writes target, so xfstests'
 * {@code replay-log} can replay it onto a device on a kernel that has the device mapper: a super
 * block sector, then per entry one sector of header (sector, sectors, flags, data length) and a
 * write's data after it. Flushes, discards and marks keep their flags; a mark's label (cut to
 * {@value #MARK_LENGTH} bytes, as dm-log-writes does) sits in its header sector.
 */
public final class DmLogWrites {
    static final long MAGIC = 0x6a736677736872L;
    static final long VERSION = 1;
    static final long FLUSH = 1;
    static final long DISCARD = 1 << 2;
    static final long MARK = 1 << 3;
    /** dm-log-writes' own marks are at most this long. */
    static final int MARK_LENGTH = 31;
    private static final int SECTOR = SectorMap.SECTOR;

    private DmLogWrites() {
    }

    /** Exports every entry of {@code log} to {@code target}; returns how many entries were written. */
    public static int export(BlockLog log, Path target) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long position = SECTOR;
            int count = 0;
            for (BlockLog.Entry entry : log.entries()) {
                position = write(log, entry, out, position);
                count++;
            }
            ByteBuffer superBlock = sector().putLong(MAGIC).putLong(VERSION).putLong(count).putInt(SECTOR).clear();
            writeFully(out, superBlock, 0);
            return count;
        }
    }

    private static long write(BlockLog log, BlockLog.Entry entry, FileChannel out, long position) throws IOException {
        ByteBuffer header = sector();
        ByteBuffer data = ByteBuffer.allocate(0);
        switch (entry.kind()) {
            case WRITE -> {
                header.putLong(entry.offset() / SECTOR).putLong(entry.length() / SECTOR).putLong(0).putLong(0);
                data = ByteBuffer.allocate(entry.length());
                log.read(entry.dataPosition(), data);
                data.flip();
            }
            case DISCARD -> header.putLong(entry.offset() / SECTOR).putLong(entry.length() / SECTOR).putLong(DISCARD)
                    .putLong(0);
            case FLUSH -> header.putLong(0).putLong(0).putLong(FLUSH).putLong(0);
            case MARK -> {
                byte[] label = entry.label().getBytes(StandardCharsets.UTF_8);
                int length = Math.min(label.length, MARK_LENGTH);
                header.putLong(0).putLong(0).putLong(MARK).putLong(length).put(label, 0, length);
            }
            default -> throw new IllegalStateException(entry.kind().name());
        }
        writeFully(out, header.clear(), position);
        writeFully(out, data, position + SECTOR);
        return position + SECTOR + (entry.kind() == BlockLog.Kind.WRITE ? entry.length() : 0);
    }

    private static ByteBuffer sector() {
        return ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += out.write(buffer, position);
        }
    }
}
