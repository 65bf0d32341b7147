package dev.odirect.bench;

import dev.odirect.store.DirectStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Reading one object of {@code sizeMiB} whole through the store, O_DIRECT or buffered. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadBenchmark {
    @Param("")
    public String dir;

    @Param({"DIRECT", "BUFFERED_FSYNC"})
    public String target;

    @Param("64")
    public int sizeMiB;

    private DirectStore store;

    @Setup
    public void setUp() throws IOException {
        store = BenchTarget.parse(target).store(Path.of(dir), 1 << 20);
        store.put("bench-read", ByteBuffer.allocate(sizeMiB << 20));
    }

    @Benchmark
    public ByteBuffer readOneObject() throws IOException {
        return store.get("bench-read");
    }
}
