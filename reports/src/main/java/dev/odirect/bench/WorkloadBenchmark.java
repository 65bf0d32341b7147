package dev.odirect.bench;

import dev.odirect.store.DirectStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What people run on O_DIRECT stores: {@code checkpoint} (a few large objects in 1-4 MiB chunks, as
 * model checkpoints are written), {@code shards} (many 100 KiB - 1 MiB objects of odd sizes, as dataset
 * shards), {@code randomRead} (ranged reads over the shards). {@code scale} sets the sizes: 1 short (two 64 MiB
 * checkpoints, 100 shards), 32 long (two 2 GiB checkpoints, 3200 shards).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorkloadBenchmark {
    @Param("")
    public String dir;

    @Param({"DIRECT", "BUFFERED_FSYNC"})
    public String target;

    @Param("1")
    public int scale;

    private DirectStore store;
    private ByteBuffer fourMiB;
    private int[] shardSizes;
    private final Random random = new Random(7);

    @Setup
    public void setUp() throws IOException {
        store = BenchTarget.parse(target).store(Path.of(dir), 4 << 20);
        byte[] data = new byte[4 << 20];
        new Random(3).nextBytes(data);
        fourMiB = ByteBuffer.wrap(data);
        shardSizes = new int[100 * scale];
        Random sizes = new Random(5);
        for (int i = 0; i < shardSizes.length; i++) {
            shardSizes[i] = 100 * 1024 + sizes.nextInt(924 * 1024) | 1;
            store.put("shard-" + i, fourMiB.duplicate().limit(shardSizes[i]));
        }
    }

    /** Two objects of 64 MiB × scale, in 1 MiB and 4 MiB chunks, each with an odd tail. */
    @Benchmark
    public void checkpoint() throws IOException {
        for (int object = 0; object < 2; object++) {
            int chunk = object == 0 ? 1 << 20 : 4 << 20;
            try (var writer = store.openWriter("checkpoint-" + object)) {
                for (long written = 0; written < (64L << 20) * scale; written += chunk) {
                    writer.writeChunk(fourMiB.duplicate().limit(chunk));
                }
                writer.writeChunk(fourMiB.duplicate().limit(12345));
                writer.finish();
            }
        }
    }

    /** Every shard written again, 100 × scale objects of odd sizes between 100 KiB and 1 MiB. */
    @Benchmark
    public void shards() throws IOException {
        for (int i = 0; i < shardSizes.length; i++) {
            store.put("shard-" + i, fourMiB.duplicate().limit(shardSizes[i]));
        }
    }

    /** 200 ranged reads of 4-256 KiB at random offsets of random shards. */
    @Benchmark
    public int randomRead() throws IOException {
        int bytes = 0;
        for (int i = 0; i < 200; i++) {
            int shard = random.nextInt(shardSizes.length);
            int length = 4096 + random.nextInt(252 * 1024);
            bytes += store.get("shard-" + shard, random.nextInt(shardSizes[shard]), length).remaining();
        }
        return bytes;
    }
}
