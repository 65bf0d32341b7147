package dev.odirect.bench;

import dev.odirect.store.Latencies;
import dev.odirect.store.StoreCounters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown tables of a cell: streaming write MB/s by chunk, tail and target against fio, the workloads, residency. */
final class BenchTable {
    private BenchTable() {
    }

    static String markdown(CellBench cell) {
        StringBuilder md = new StringBuilder("### ").append(cell.name()).append("\n\n");
        if (!cell.note().isEmpty()) {
            md.append(cell.note()).append("\n\n");
        }
        md.append("| chunk | tail | ");
        for (BenchTarget target : BenchTarget.values()) {
            md.append(target.label()).append(" MB/s | ");
        }
        md.append("fio direct=1 MB/s | O_DIRECT / fio |\n|---|---|").append("---|".repeat(BenchTarget.values().length + 2)).append('\n');
        for (int chunk : cell.chunks()) {
            for (int tail : cell.tails()) {
                if (Arrays.stream(BenchTarget.values()).allMatch(target -> Double.isNaN(cell.streaming(target, chunk, tail)))) {
                    continue;
                }
                md.append("| ").append(size(chunk)).append(" | ").append(tail).append(" | ");
                for (BenchTarget target : BenchTarget.values()) {
                    md.append(mb(cell.streaming(target, chunk, tail))).append(" | ");
                }
                Double fio = cell.fioDirect().get(chunk);
                double direct = cell.streaming(BenchTarget.DIRECT, chunk, tail);
                md.append(fio == null ? "" : mb(fio)).append(" | ")
                        .append(fio == null || Double.isNaN(direct) ? "" : String.format(Locale.ROOT, "%.2f", direct / fio)).append(" |\n");
            }
        }
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

    /** Page-cache residency of a fresh 16 MiB object and the store's counters for the same work. */
    @SuppressWarnings("unchecked")
    private static void observed(CellBench cell, StringBuilder md) {
        if (cell.observed().isEmpty()) {
            return;
        }
        md.append("\n| target | resident after a 16 MiB write | pwrite calls | fsyncs | bytes direct / buffered | finish p50 / p99 (us) |\n")
                .append("|---|---|---|---|---|---|\n");
        cell.observed().forEach((target, value) -> {
            Map<String, Object> entry = (Map<String, Object>) value;
            StoreCounters.Snapshot counters = (StoreCounters.Snapshot) entry.get("counters");
            Latencies.Percentiles finish = counters.latencies().get("finish");
            md.append("| ").append(target).append(" | ").append(entry.get("resident_bytes")).append(" bytes | ")
                    .append(counters.writeSyscalls()).append(" | ").append(counters.fsyncs()).append(" | ")
                    .append(counters.bytesWrittenDirect()).append(" / ").append(counters.bytesWrittenBuffered()).append(" | ")
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
