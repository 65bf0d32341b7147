package dev.odirect.bench;

import java.util.List;
import java.util.Map;

/**
 * One cell's measurements: JMH results of the store, fio MB/s by block size (direct, and buffered
 * with a final fsync), the alternating rounds of store and fio, page-cache residency and store counters
 * after known work, and what the block recorder costs: fio's 1 MiB direct writes on the cell as it is
 * and on the recorder.
 *
 * @param fioDirect fio direct=1 psync iodepth 1 by block size: the median of the rounds where they ran, one run otherwise
 * @param recorder  {@code plain_mb_s}, {@code recorded_mb_s} and their {@code ratio}; empty where not measured
 */
public record CellBench(String name, Map<String, Object> facts, List<JmhRun.Measurement> measurements,
                        Map<Integer, Double> fioDirect, Map<Integer, Double> fioBuffered, List<Rounds> rounds,
                        Map<String, Object> observed, String note, Map<String, Double> recorder) {

    /** MB/s of the store's streaming write for this target, chunk and tail, or NaN if not measured. */
    public double streaming(BenchTarget target, int chunk, int tail) {
        return measurements.stream()
                .filter(m -> m.benchmark().equals("StreamingWriteBenchmark.streamOneObject"))
                .filter(m -> target.name().equals(m.params().get("target")) && Integer.toString(chunk).equals(m.params().get("chunk"))
                        && Integer.toString(tail).equals(m.params().get("tail")))
                .mapToDouble(JmhRun.Measurement::mbPerSecond).findFirst().orElse(Double.NaN);
    }

    public List<Integer> chunks() {
        return measurements.stream().filter(m -> m.params().containsKey("chunk"))
                .map(m -> Integer.parseInt(m.params().get("chunk"))).distinct().sorted().toList();
    }

    public List<Integer> tails() {
        return measurements.stream().filter(m -> m.params().containsKey("tail"))
                .map(m -> Integer.parseInt(m.params().get("tail"))).distinct().sorted().toList();
    }

    CellBench withRecorder(Map<String, Double> cost) {
        return new CellBench(name, facts, measurements, fioDirect, fioBuffered, rounds, observed, note, cost);
    }
}
