package dev.odirect.matrix.blocks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Every write, flush and discard a device received, and the marks of the history beside them, in
 * one sequence. Each entry reaches the log file before the device answers, so the log never
 * holds less than the device acknowledged; the entries' metadata stays in memory as well.
 */
public final class BlockLog implements AutoCloseable {
    private static final int HEADER = 32;

    /** What an entry records. */
    public enum Kind { WRITE, FLUSH, DISCARD, MARK }

    /**
     * One entry: its sequence number (its index), what it was, the byte range of the device (writes
     * and discards), where its data lies in the log file, and a mark's label.
     *
     * @param lied a flush the device answered ok without keeping anything (the lying-flush mode)
     */
    public record Entry(int seq, Kind kind, long offset, int length, long dataPosition, String label, boolean lied) {
        public boolean isWrite() {
            return kind == Kind.WRITE;
        }

        /** A flush that made the writes before it durable. */
        public boolean isDurabilityPoint() {
            return kind == Kind.FLUSH && !lied;
        }

        @Override
        public String toString() {
            return switch (kind) {
                case WRITE -> "#" + seq + " write " + length + " bytes at " + offset;
                case DISCARD -> "#" + seq + " discard " + length + " bytes at " + offset;
                case FLUSH -> "#" + seq + (lied ? " flush (lied)" : " flush");
                case MARK -> "#" + seq + " mark " + label;
            };
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final List<Entry> entries = new ArrayList<>();
    private final ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    private long end;

    /** A new, empty log in {@code file}, which must not exist. */
    public BlockLog(Path file) throws IOException {
        this(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }

    private BlockLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** A log written before (kept as evidence), read back to build its crash states again. */
    public static BlockLog open(Path file) throws IOException {
        BlockLog log = new BlockLog(file, FileChannel.open(file, StandardOpenOption.READ));
        long size = log.channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        while (log.end < size) {
            header.clear();
            log.read(log.end, header);
            header.flip();
            int kindAndFlags = header.getInt();
            int length = header.getInt();
            long offset = header.getLong();
            int seq = (int) header.getLong();
            byte[] label = new byte[header.getInt()];
            log.read(log.end + HEADER, ByteBuffer.wrap(label));
            Kind kind = Kind.values()[kindAndFlags & 0xff];
            long dataPosition = log.end + HEADER + label.length;
            if (seq != log.entries.size()) {
                throw new IOException(file + " is not a block log of odirect: entry " + log.entries.size()
                        + " says it is " + seq);
            }
            log.entries.add(new Entry(seq, kind, offset, length, dataPosition,
                    new String(label, StandardCharsets.UTF_8), (kindAndFlags & 0x100) != 0));
            log.end = dataPosition + (kind == Kind.WRITE ? length : 0);
        }
        return log;
    }

    public Path file() {
        return file;
    }

    public synchronized Entry write(long offset, ByteBuffer data) throws IOException {
        return append(Kind.WRITE, offset, data, "", false);
    }

    public synchronized Entry flush(boolean lied) throws IOException {
        return append(Kind.FLUSH, 0, ByteBuffer.allocate(0), "", lied);
    }

    public synchronized Entry discard(long offset, long length) throws IOException {
        return append(Kind.DISCARD, offset, ByteBuffer.allocate(0), "", false, Math.toIntExact(length));
    }

    public synchronized Entry mark(String label) throws IOException {
        return append(Kind.MARK, 0, ByteBuffer.allocate(0), label, false);
    }

    private Entry append(Kind kind, long offset, ByteBuffer data, String label, boolean lied) throws IOException {
        return append(kind, offset, data, label, lied, data.remaining());
    }

    private Entry append(Kind kind, long offset, ByteBuffer data, String label, boolean lied, int length)
            throws IOException {
        byte[] text = label.getBytes(StandardCharsets.UTF_8);
        int seq = entries.size();
        header.clear();
        header.putInt(kind.ordinal() | (lied ? 0x100 : 0)).putInt(length).putLong(offset).putLong(seq)
                .putInt(text.length).putInt(0).flip();
        long position = end;
        writeFully(header, position);
        writeFully(ByteBuffer.wrap(text), position + HEADER);
        long dataPosition = position + HEADER + text.length;
        if (kind == Kind.WRITE) {
            writeFully(data.duplicate(), dataPosition);
        }
        end = dataPosition + (kind == Kind.WRITE ? length : 0);
        Entry entry = new Entry(seq, kind, offset, length, dataPosition, label, lied);
        entries.add(entry);
        return entry;
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    /** Reads {@code into.remaining()} bytes of the log file at {@code position}. */
    void read(long position, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into, position);
            if (n < 0) {
                throw new IOException("the block log " + file + " ends at " + position);
            }
            position += n;
        }
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long bytes() {
        return end;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
