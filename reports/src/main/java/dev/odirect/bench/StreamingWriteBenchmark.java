package dev.odirect.bench;

import dev.odirect.store.DirectStore;
import dev.odirect.store.StoreConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One object of {@code sizeMiB} streamed in chunks of {@code chunk} bytes, with or without an unaligned tail. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamingWriteBenchmark {
    private static final String KEY = "bench-stream";

    @Param("")
    public String dir;

    /** Every target by default (JMH takes all constants of an enum); the JDK's only with tail 0, see {@link JmhRun}. */
    @Param
    public BenchTarget target;

    @Param({"4096", "65536", "1048576", "4194304"})
    public int chunk;

    @Param({"0", "1000"})
    public int tail;

    @Param("64")
    public int sizeMiB;

    private DirectStore store;
    private ByteBuffer chunkBytes;
    private ByteBuffer tailBytes;
    private int count;

    @Setup
    public void setUp() {
        // the store's I/O size is its buffer: as large as a chunk, as fio's block size is, and never below the
        // default, where the store gathers small chunks into large writes
        store = target.store(Path.of(dir), Math.max(StoreConfig.DEFAULT_BUFFER_SIZE, chunk));
        byte[] data = new byte[chunk];
        new Random(1).nextBytes(data);
        chunkBytes = ByteBuffer.wrap(data);
        tailBytes = ByteBuffer.wrap(data, 0, Math.min(tail, chunk)).slice();
        count = (int) (((long) sizeMiB << 20) / chunk);
    }

    /**
     * Not timed: each object starts where fio's file starts, in free space with the host's pages written. fio
     * removes its file after its run; the previous object goes here, else its blocks would be freed inside the
     * timed write (the rename that replaces it, the JDK channel's truncate).
     */
    @Setup(Level.Iteration)
    public void settleHost() throws IOException {
        Files.deleteIfExists(Path.of(dir, KEY));
        HostWriteback.flush();
    }

    @Benchmark
    public void streamOneObject() throws IOException {
        target.write(store, Path.of(dir), KEY, chunkBytes, count, tailBytes);
    }

    /** Bytes one invocation writes, to turn ms/op into MB/s. */
    public static long bytesPerOp(int sizeMiB, int chunk, int tail) {
        return ((long) sizeMiB << 20) / chunk * chunk + Math.min(tail, chunk);
    }
}
