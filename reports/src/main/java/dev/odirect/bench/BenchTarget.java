package dev.odirect.bench;

import dev.odirect.store.DirectStore;
import dev.odirect.store.DirectStores;
import dev.odirect.store.StoreConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * How a benchmark writes: through the reference store with O_DIRECT, through it buffered (it still
 * fsyncs on finish), or plain buffered writes without fsync (what the page cache alone promises).
 */
public enum BenchTarget {
    DIRECT, BUFFERED_FSYNC, BUFFERED;

    public static BenchTarget parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The store for DIRECT and BUFFERED_FSYNC; null for BUFFERED, which bypasses the store. */
    DirectStore store(Path root, int bufferSize) {
        return switch (this) {
            case DIRECT -> DirectStores.open(URI.create("direct://" + root), StoreConfig.defaults().withBufferSize(bufferSize));
            case BUFFERED_FSYNC -> DirectStores.open(URI.create("file://" + root), StoreConfig.defaults().withBufferSize(bufferSize));
            case BUFFERED -> null;
        };
    }

    /** Writes one object of {@code count} chunks plus an optional tail. */
    void write(DirectStore store, Path root, String key, ByteBuffer chunk, int count, ByteBuffer tail) throws IOException {
        if (store == null) {
            try (FileChannel file = FileChannel.open(root.resolve(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (int i = 0; i < count; i++) {
                    file.write(chunk.duplicate());
                }
                file.write(tail.duplicate());
            }
            return;
        }
        try (var writer = store.openWriter(key)) {
            for (int i = 0; i < count; i++) {
                writer.writeChunk(chunk);
            }
            writer.writeChunk(tail);
            writer.finish();
        }
    }
}
