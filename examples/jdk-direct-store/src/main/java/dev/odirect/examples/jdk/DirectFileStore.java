package dev.odirect.examples.jdk;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Whole-object puts, reads and deletes under a root; streams are {@link DirectWriter}s. */
final class DirectFileStore {
    private final Path root;

    DirectFileStore(Path root) {
        this.root = root;
    }

    DirectWriter open(String key) throws IOException, StoreFailure {
        return new DirectWriter(Keys.objectPath(root, key, true));
    }

    void put(String key, byte[] data) throws IOException, StoreFailure {
        try (DirectWriter writer = open(key)) {
            writer.write(ByteBuffer.wrap(data));
            writer.finish();
        }
    }

    /** length bytes from offset (all when length is null), fewer at the end, none past it: read DIRECT in whole blocks. */
    byte[] get(String key, long offset, Long length) throws IOException, StoreFailure {
        Path path = Keys.objectPath(root, key, false);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, ExtendedOpenOption.DIRECT,
                LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            long start = Math.min(offset, size);
            long end = length == null ? size : Math.min(size, start + length);
            int block = DirectWriter.blockSize(path.getParent());
            ByteBuffer buffer = DirectWriter.alignedBuffer(block);
            byte[] out = new byte[Math.toIntExact(end - start)];
            for (long at = start / block * block; at < end; ) {
                long wanted = (end - at + block - 1) / block * block;
                buffer.clear().limit((int) Math.min(wanted, DirectWriter.BUFFER_SIZE));
                int read = channel.read(buffer, at);
                if (read <= 0) {
                    throw new StoreFailure("EIO", path + " ended at " + at + " before its size " + size);
                }
                long from = Math.max(at, start);
                long to = Math.min(at + read, end);
                if (to > from) {
                    buffer.get((int) (from - at), out, (int) (from - start), (int) (to - from));
                }
                at += read;
            }
            return out;
        }
    }

    void delete(String key) throws IOException, StoreFailure {
        Path path = Keys.objectPath(root, key, false);
        Files.delete(path);
        Keys.syncDirectory(path.getParent());
    }
}
