package dev.odirect.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The JMH benchmarks of this package, run in one directory: short by default, longer with {@code --long};
 * and the store's side of one alternating round ({@link AlternatingRounds}).
 */
final class JmhRun {
    static final String STREAMING = StreamingWriteBenchmark.class.getName() + ".streamOneObject";
    /**
     * Objects written before a round's measured one. A fresh JVM writes its first objects slowly (code
     * not yet compiled, I/O threads not yet started): 2 left the store at 0.6-0.8 of fio where the same
     * code, warm, writes at 1.0-1.1; by the tenth 64 MiB object it runs at its steady speed.
     */
    private static final int ROUND_WARMUP_OBJECTS = 10;

    /** One benchmark's result: which, with what parameters, ms per operation and MB/s where it writes or reads bytes. */
    record Measurement(String benchmark, Map<String, String> params, double msPerOp, double mbPerSecond) {
    }

    private JmhRun() {
    }

    static List<Measurement> run(Path dir, BenchOptions bench) throws RunnerException {
        List<Measurement> measurements = new ArrayList<>();
        // JMH runs every combination of the parameters it is given and cannot leave one out: the JDK's
        // DIRECT channel has no tail, so the targets without one get a pass of their own with tail 0.
        if (bench.runs(STREAMING)) {
            for (boolean withTail : new boolean[] {true, false}) {
                List<String> targets = Arrays.stream(BenchTarget.values()).filter(t -> t.writesTail() == withTail)
                        .map(Enum::name).filter(t -> bench.allows("target", t)).toList();
                if (targets.isEmpty() || !withTail && !bench.allows("tail", "0")) {
                    continue;
                }
                Map<String, List<String>> only = withTail ? Map.of("target", targets) : Map.of("target", targets, "tail", List.of("0"));
                measurements.addAll(measure(timed(options(dir, bench, only), bench).include(StreamingWriteBenchmark.class.getName())));
            }
        }
        ChainedOptionsBuilder others = timed(options(dir, bench, Map.of()), bench).exclude(StreamingWriteBenchmark.class.getName());
        if (bench.only().isPresent()) {
            others.include(bench.only().get());
        } else {
            others.include(ReadBenchmark.class.getName()).include(WorkloadBenchmark.class.getName());
        }
        try {
            measurements.addAll(measure(others));
        } catch (NoBenchmarksException none) {
            if (!bench.runs(STREAMING)) {
                throw none;
            }
        }
        return measurements;
    }

    /**
     * The store's side of one alternating round: each target writes one object of {@code chunk}-sized chunks,
     * no tail, after {@link #ROUND_WARMUP_OBJECTS} of warm-up. SingleShotTime times exactly that object: the
     * same bytes as fio's file in the same round.
     */
    static List<Measurement> round(Path dir, BenchOptions bench, int chunk, List<BenchTarget> targets) throws RunnerException {
        Map<String, List<String>> fixed = Map.of("target", targets.stream().map(Enum::name).toList(),
                "chunk", List.of(Integer.toString(chunk)), "tail", List.of("0"));
        return measure(options(dir, bench, fixed).include(StreamingWriteBenchmark.class.getName()).mode(Mode.SingleShotTime)
                .warmupIterations(ROUND_WARMUP_OBJECTS).measurementIterations(1));
    }

    /**
     * The parameters JMH gets, each once: the defaults of this run, the user's {@code --param} over them, and
     * what this pass fixes over both (JMH would add a second value, not replace the first).
     */
    private static ChainedOptionsBuilder options(Path dir, BenchOptions bench, Map<String, List<String>> fixed) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("dir", List.of(dir.toString()));
        params.put("sizeMiB", List.of(Integer.toString(bench.sizeMiB())));
        params.put("scale", List.of(bench.longRun() ? "32" : "1"));
        bench.params().forEach((name, values) -> params.put(name, List.of(values.split(","))));
        params.putAll(fixed);
        ChainedOptionsBuilder options = new OptionsBuilder().forks(1)
                .jvmArgsAppend("-Djava.util.logging.SimpleFormatter.format=odirect %4$s: %5$s%6$s%n")
                .verbosity(VerboseMode.SILENT);
        params.forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
        return options;
    }

    private static ChainedOptionsBuilder timed(ChainedOptionsBuilder options, BenchOptions bench) {
        boolean longRun = bench.longRun();
        return options.warmupIterations(1)
                .warmupTime(TimeValue.seconds(longRun ? 5 : 1))
                .measurementIterations(longRun ? 5 : 2)
                .measurementTime(TimeValue.seconds(longRun ? 5 : 1));
    }

    private static List<Measurement> measure(ChainedOptionsBuilder options) throws RunnerException {
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult result : new Runner(options.build()).run()) {
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
