package dev.odirect.bench;

import dev.odirect.store.Latencies;
import dev.odirect.store.StoreCounters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Markdown tables of a cell: streaming write MB/s by chunk, tail and target beside fio; the alternating
 * rounds against fio with their ratios; the workloads; residency.
 */
final class BenchTable {
    private static final String PSYNC = FioBaseline.Job.PSYNC_IODEPTH_1.label();

    private BenchTable() {
    }

    static String markdown(CellBench cell) {
        StringBuilder md = new StringBuilder("### ").append(cell.name()).append("\n\n");
        if (!cell.note().isEmpty()) {
            md.append(cell.note()).append("\n\n");
        }
        Object loopDirectIo = cell.facts().get(BenchRunner.LOOP_DIRECT_IO);
        if (loopDirectIo != null) {
            md.append("Loop device direct I/O (its image read and written past the host's page cache): ")
                    .append(loopDirectIo).append("\n\n");
        }
        md.append("Streaming write (JMH); fio: the median of the alternating rounds for their chunk sizes, one run otherwise.\n\n")
                .append("| chunk | tail | ");
        for (BenchTarget target : BenchTarget.values()) {
            md.append(target.label()).append(" MB/s | ");
        }
        md.append(PSYNC).append(" MB/s |\n|---|---|").append("---|".repeat(BenchTarget.values().length + 1)).append('\n');
        for (int chunk : cell.chunks()) {
            for (int tail : cell.tails()) {
                if (Arrays.stream(BenchTarget.values()).allMatch(target -> Double.isNaN(cell.streaming(target, chunk, tail)))) {
                    continue;
                }
                md.append("| ").append(size(chunk)).append(" | ").append(tail).append(" | ");
                for (BenchTarget target : BenchTarget.values()) {
                    md.append(mb(cell.streaming(target, chunk, tail))).append(" | ");
                }
                md.append(mb(cell.fioDirect().getOrDefault(chunk, Double.NaN))).append(" |\n");
            }
        }
        rounds(cell, md);
        List<JmhRun.Measurement> other = cell.measurements().stream()
                .filter(m -> !m.benchmark().startsWith("StreamingWrite")).toList();
        if (!other.isEmpty()) {
            md.append("\n| benchmark | target | ms per operation | MB/s |\n|---|---|---|---|\n");
            other.forEach(m -> md.append("| ").append(m.benchmark()).append(" | ").append(m.params().get("target"))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", m.msPerOp())).append(" | ")
                    .append(m.mbPerSecond() > 0 ? mb(m.mbPerSecond()) : "").append(" |\n"));
        }
        observed(cell, md);
        return md.toString();
    }

    /** Each side of the alternating rounds, its MB/s and its ratios to the fio jobs taken within each round. */
    private static void rounds(CellBench cell, StringBuilder md) {
        if (cell.rounds().isEmpty()) {
            return;
        }
        md.append("\nStreaming write, no tail, ").append(cell.rounds().get(0).mbPerSecond().size())
                .append(" alternating rounds in this cell (per round and chunk: the store's side in JMH, then fio; one object")
                .append(" or file each). Median over the rounds (min-max); a ratio is taken within each round.\n\n")
                .append("| chunk | writer | MB/s | ratio to ").append(PSYNC).append(" | ratio to ")
                .append(FioBaseline.Job.IO_URING_IODEPTH_4.label()).append(" |\n|---|---|---|---|---|\n");
        for (Rounds rounds : cell.rounds()) {
            for (AlternatingRounds.Side side : AlternatingRounds.SIDES) {
                Optional<String> whyNot = rounds.whyNot(side);
                Optional<Rounds.Spread> mbPerSecond = rounds.mbPerSecond(side);
                if (whyNot.isEmpty() && mbPerSecond.isEmpty()) {
                    continue;
                }
                md.append("| ").append(size(rounds.chunk())).append(" | ").append(side.label()).append(" | ")
                        .append(whyNot.map(why -> "not run: " + why).orElseGet(() -> spread(mbPerSecond.get(), "%.0f")));
                for (FioBaseline.Job baseline : FioBaseline.Job.values()) {
                    md.append(" | ").append(side == baseline ? "" : rounds.ratio(side, baseline).map(r -> spread(r, "%.2f"))
                            .orElse(rounds.whyNot(baseline).isPresent() ? "not run" : ""));
                }
                md.append(" |\n");
            }
        }
    }

    private static String spread(Rounds.Spread spread, String format) {
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", spread.median(), spread.min(), spread.max());
    }

    /** Page-cache residency of a fresh 16 MiB object and the store's counters for the same work. */
    @SuppressWarnings("unchecked")
    private static void observed(CellBench cell, StringBuilder md) {
        if (cell.observed().isEmpty()) {
            return;
        }
        md.append("\n| target | resident after a 16 MiB write | pwrite calls | fsyncs | bytes direct / not verified direct / buffered | finish p50 / p99 (us) |\n")
                .append("|---|---|---|---|---|---|\n");
        cell.observed().forEach((target, value) -> {
            Map<String, Object> entry = (Map<String, Object>) value;
            StoreCounters.Snapshot counters = (StoreCounters.Snapshot) entry.get("counters");
            Latencies.Percentiles finish = counters.latencies().get("finish");
            md.append("| ").append(target).append(" | ").append(entry.get("resident_bytes")).append(" bytes | ")
                    .append(counters.writeSyscalls()).append(" | ").append(counters.fsyncs()).append(" | ")
                    .append(counters.bytesWrittenDirect()).append(" / ").append(counters.bytesWrittenDirectNotVerified())
                    .append(" / ").append(counters.bytesWrittenBuffered()).append(" | ")
                    .append(finish == null ? "" : finish.p50() + " / " + finish.p99()).append(" |\n");
        });
    }

    /** The block recorder's cost on this cell, when it was measured. */
    static String recorder(CellBench cell) {
        if (cell.recorder().isEmpty()) {
            return "";
        }
        return "\n| fio direct=1, 1 MiB writes | plain loop device MB/s | on the block recorder MB/s | recorder / plain |\n"
                + "|---|---|---|---|\n| " + cell.name() + " | " + mb(cell.recorder().get("plain_mb_s")) + " | "
                + mb(cell.recorder().get("recorded_mb_s")) + " | "
                + String.format(Locale.ROOT, "%.2f", cell.recorder().get("ratio")) + " |\n";
    }

    static String size(int bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }

    private static String mb(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.0f", value);
    }
}
