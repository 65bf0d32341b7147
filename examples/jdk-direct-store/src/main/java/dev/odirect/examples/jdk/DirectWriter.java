package dev.odirect.examples.jdk;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * One object being written: a hidden file beside the key, written through a DIRECT FileChannel
 * from an aligned direct buffer, renamed over the key at finish. The JDK's DIRECT channel takes
 * only whole blocks (position, length and buffer address multiples of the block size), so the
 * unaligned tail is padded to a block and the file truncated back to its size before force.
 */
final class DirectWriter implements AutoCloseable {
    static final int BUFFER_SIZE = 1 << 20;
    static final String TEMPORARY_PREFIX = ".jdk-tmp-";

    private final Path target;
    private final Path temporary;
    private final int blockSize;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private long size;

    DirectWriter(Path target) throws IOException {
        this.target = target;
        this.temporary = target.resolveSibling(TEMPORARY_PREFIX + UUID.randomUUID());
        this.blockSize = blockSize(target.getParent());
        this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                ExtendedOpenOption.DIRECT, LinkOption.NOFOLLOW_LINKS);
        this.buffer = alignedBuffer(blockSize);
    }

    /** The file store's block size: what the JDK's DIRECT channel checks alignment against. */
    static int blockSize(Path directory) throws IOException {
        return Math.toIntExact(Files.getFileStore(directory).getBlockSize());
    }

    static ByteBuffer alignedBuffer(int blockSize) {
        return ByteBuffer.allocateDirect(BUFFER_SIZE + blockSize).alignedSlice(blockSize).limit(BUFFER_SIZE);
    }

    void write(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            int part = Math.min(buffer.remaining(), data.remaining());
            buffer.put(data.slice(data.position(), part));
            data.position(data.position() + part);
            if (!buffer.hasRemaining()) {
                writeBuffer();
            }
        }
    }

    private void writeBuffer() throws IOException {
        size += buffer.position();
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    void finish() throws IOException {
        int tail = buffer.position();
        if (tail > 0) {
            int padded = (tail + blockSize - 1) / blockSize * blockSize;
            buffer.put(ByteBuffer.allocate(padded - tail));
            writeBuffer();
            size -= padded - tail;
        }
        channel.truncate(size);
        channel.force(true);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Keys.syncDirectory(target.getParent());
    }

    /** Gives the object up: the hidden file goes, the key keeps what it held. */
    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(temporary);
    }
}
