package dev.odirect.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The streaming-write comparison that decides something: the store's O_DIRECT write and the JDK's DIRECT
 * channel against fio, 1 MiB and 4 MiB chunks, no tail, in alternating rounds in the same cell. In each
 * round and for each chunk size: one short JMH run of the store's side, then fio psync (one write in flight,
 * as the store) and fio io_uring (four in flight, the device's ceiling), same block size and bytes.
 * A single run's ratio moves by 30% on a shared machine; a ratio taken within each round, then the median
 * over the rounds with its range, moves far less and says how far it can be trusted.
 *
 * <p>The store's side is a JMH run of {@link StreamingWriteBenchmark}, not a loop timed here: the same code,
 * fresh JVM and warm-up as the numbers of the main table, so both tables measure one thing; a fork per
 * round costs about a second, small beside the writes.
 */
final class AlternatingRounds {
    /** What the rounds compare: a {@link BenchTarget} or a {@link FioBaseline.Job}, by its enum name in bench.json. */
    interface Side {
        String name();

        String label();
    }

    static final List<Integer> CHUNKS = List.of(1 << 20, 4 << 20);
    static final List<BenchTarget> TARGETS = List.of(BenchTarget.DIRECT, BenchTarget.JDK_DIRECT);
    static final List<Side> SIDES = List.of(BenchTarget.DIRECT, BenchTarget.JDK_DIRECT, FioBaseline.Job.PSYNC_IODEPTH_1,
            FioBaseline.Job.IO_URING_IODEPTH_4);

    private AlternatingRounds() {
    }

    /** The rounds of each chunk size that {@code --only} and {@code --param} leave in; none if they leave none. */
    static List<Rounds> run(String cell, Path dir, BenchOptions bench, PrintStream console) throws IOException, RunnerException {
        List<Integer> chunks = CHUNKS.stream().filter(chunk -> bench.allows("chunk", Integer.toString(chunk))).toList();
        List<BenchTarget> targets = TARGETS.stream().filter(target -> bench.allows("target", target.name())).toList();
        if (!bench.runs(JmhRun.STREAMING) || !bench.allows("tail", "0") || chunks.isEmpty() || targets.isEmpty()) {
            return List.of();
        }
        Map<String, String> notRun = new LinkedHashMap<>();
        if (!FioBaseline.available()) {
            for (FioBaseline.Job job : FioBaseline.Job.values()) {
                notRun.put(job.name(), FioBaseline.NOT_INSTALLED);
            }
        }
        Map<Integer, List<Map<String, Double>>> rounds = new LinkedHashMap<>();
        int count = bench.roundsToRun();
        for (int round = 1; round <= count; round++) {
            console.printf("bench: %s: alternating round %d of %d...%n", cell, round, count);
            for (int chunk : chunks) {
                Map<String, Double> measured = new LinkedHashMap<>();
                for (JmhRun.Measurement m : JmhRun.round(dir, bench, chunk, targets)) {
                    measured.put(m.params().get("target"), m.mbPerSecond());
                }
                for (FioBaseline.Job job : FioBaseline.Job.values()) {
                    if (!notRun.containsKey(job.name())) {
                        fio(dir, chunk, bench.sizeMiB(), job, measured, notRun);
                    }
                }
                rounds.computeIfAbsent(chunk, c -> new ArrayList<>()).add(measured);
            }
        }
        return chunks.stream().map(chunk -> new Rounds(chunk, rounds.get(chunk), notRun)).toList();
    }

    private static void fio(Path dir, int chunk, int sizeMiB, FioBaseline.Job job, Map<String, Double> measured,
                            Map<String, String> notRun) throws IOException {
        try {
            measured.put(job.name(), FioBaseline.direct(dir, chunk, sizeMiB, job));
        } catch (FioBaseline.Failed failed) {
            // fio may be built without io_uring, or the kernel may refuse it (io_uring_disabled, seccomp):
            // then the ceiling is unknown, which the table says; psync failing is a broken cell and stops the bench
            if (job == FioBaseline.Job.PSYNC_IODEPTH_1) {
                throw failed;
            }
            notRun.put(job.name(), failed.why());
        }
    }
}
