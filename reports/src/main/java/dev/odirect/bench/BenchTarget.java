package dev.odirect.bench;

import com.sun.nio.file.ExtendedOpenOption;
import dev.odirect.store.DirectStore;
import dev.odirect.store.DirectStores;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.io.AlignedBuffers;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * How a benchmark writes: through the reference store with O_DIRECT, through the JDK's own
 * {@code FileChannel} with {@code ExtendedOpenOption.DIRECT} (what a Java user picks instead of the store),
 * through the store buffered (it still fsyncs on finish), or plain buffered writes without fsync
 * (what the page cache alone promises).
 */
public enum BenchTarget implements AlternatingRounds.Side {
    DIRECT("store, O_DIRECT"),
    JDK_DIRECT("JDK FileChannel, DIRECT"),
    BUFFERED_FSYNC("store, buffered + fsync"),
    BUFFERED("plain buffered writes, no fsync");

    private final String label;

    BenchTarget(String label) {
        this.label = label;
    }

    public static BenchTarget parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public String label() {
        return label;
    }

    /** DIRECT and BUFFERED_FSYNC measure the reference store; the others are the yardsticks it is held against. */
    public boolean isTheStore() {
        return this == DIRECT || this == BUFFERED_FSYNC;
    }

    /** The JDK's DIRECT channel refuses any write that is not a multiple of the block size, so it has no tail. */
    boolean writesTail() {
        return this != JDK_DIRECT;
    }

    /** The store for DIRECT and BUFFERED_FSYNC; null for the targets that bypass the store. */
    DirectStore store(Path root, int bufferSize) {
        return switch (this) {
            case DIRECT -> DirectStores.open(URI.create("direct://" + root), StoreConfig.defaults().withBufferSize(bufferSize));
            case BUFFERED_FSYNC -> DirectStores.open(URI.create("file://" + root), StoreConfig.defaults().withBufferSize(bufferSize));
            case JDK_DIRECT, BUFFERED -> null;
        };
    }

    /** Writes one object of {@code count} chunks plus an optional tail. */
    void write(DirectStore store, Path root, String key, ByteBuffer chunk, int count, ByteBuffer tail) throws IOException {
        switch (this) {
            case JDK_DIRECT -> writeJdkDirect(root, key, chunk, count, tail);
            case BUFFERED -> writeBuffered(root, key, chunk, count, tail);
            default -> {
                try (var writer = store.openWriter(key)) {
                    for (int i = 0; i < count; i++) {
                        writer.writeChunk(chunk);
                    }
                    writer.writeChunk(tail);
                    writer.finish();
                }
            }
        }
    }

    private static void writeBuffered(Path root, String key, ByteBuffer chunk, int count, ByteBuffer tail) throws IOException {
        try (FileChannel file = FileChannel.open(root.resolve(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < count; i++) {
                file.write(chunk.duplicate());
            }
            file.write(tail.duplicate());
        }
    }

    /**
     * As a Java user would write with O_DIRECT and no store: each chunk copied into one aligned direct
     * buffer (the JDK checks the address, the length and the position against the block size), then
     * {@code force(false)} once at the end.
     */
    private static void writeJdkDirect(Path root, String key, ByteBuffer chunk, int count, ByteBuffer tail) throws IOException {
        if (tail.hasRemaining()) {
            throw new IllegalArgumentException("the JDK's DIRECT channel cannot write an unaligned tail");
        }
        int align = Math.toIntExact(Files.getFileStore(root).getBlockSize());
        ByteBuffer aligned = AlignedBuffers.allocate(chunk.remaining(), align);
        try (FileChannel file = FileChannel.open(root.resolve(key), StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT)) {
            for (int i = 0; i < count; i++) {
                aligned.clear().put(chunk.duplicate()).flip();
                while (aligned.hasRemaining()) {
                    file.write(aligned);
                }
            }
            file.force(false);
        }
    }
}
