package dev.odirect.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The JMH benchmarks of this package, run in one directory: short by default, longer with {@code --long}. */
final class JmhRun {
    /** One benchmark's result: which, with what parameters, ms per operation and MB/s where it writes or reads bytes. */
    record Measurement(String benchmark, Map<String, String> params, double msPerOp, double mbPerSecond) {
    }

    private JmhRun() {
    }

    static List<Measurement> run(Path dir, BenchOptions bench) throws RunnerException {
        boolean longRun = bench.longRun();
        ChainedOptionsBuilder options = new OptionsBuilder();
        if (bench.only().isPresent()) {
            options.include(bench.only().get());
        } else {
            options.include(StreamingWriteBenchmark.class.getName()).include(ReadBenchmark.class.getName())
                    .include(WorkloadBenchmark.class.getName());
        }
        options.param("dir", dir.toString())
                .param("sizeMiB", Integer.toString(bench.sizeMiB()))
                .param("scale", longRun ? "32" : "1")
                .forks(1)
                .jvmArgsAppend("-Djava.util.logging.SimpleFormatter.format=odirect %4$s: %5$s%6$s%n")
                .warmupIterations(1)
                .warmupTime(TimeValue.seconds(longRun ? 5 : 1))
                .measurementIterations(longRun ? 5 : 2)
                .measurementTime(TimeValue.seconds(longRun ? 5 : 1))
                .verbosity(VerboseMode.SILENT);
        bench.params().forEach((name, value) -> options.param(name, value.split(",")));
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult result : results) {
            Map<String, String> params = new TreeMap<>();
            result.getParams().getParamsKeys().forEach(key -> params.put(key, result.getParams().getParam(key)));
            params.remove("dir");
            String benchmark = result.getParams().getBenchmark();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            double ms = result.getPrimaryResult().getScore();
            measurements.add(new Measurement(benchmark, params, ms, megabytes(benchmark, params) / (ms / 1000)));
        }
        return measurements;
    }

    /** MiB one operation moves, or 0 where throughput is not the point (random reads are about latency). */
    private static double megabytes(String benchmark, Map<String, String> params) {
        int sizeMiB = Integer.parseInt(params.getOrDefault("sizeMiB", "0"));
        int scale = Integer.parseInt(params.getOrDefault("scale", "1"));
        return switch (benchmark) {
            case "StreamingWriteBenchmark.streamOneObject" -> StreamingWriteBenchmark.bytesPerOp(sizeMiB,
                    Integer.parseInt(params.get("chunk")), Integer.parseInt(params.get("tail"))) / (double) (1 << 20);
            case "ReadBenchmark.readOneObject" -> sizeMiB;
            case "WorkloadBenchmark.checkpoint" -> 2 * 64.0 * scale;
            default -> 0;
        };
    }
}
