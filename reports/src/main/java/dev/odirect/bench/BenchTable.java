package dev.odirect.bench;

import java.util.List;
import java.util.Locale;

/** The Markdown tables of a cell: streaming write MB/s by chunk and target against fio, the workloads, residency. */
final class BenchTable {
    static final List<String> TARGETS = List.of("DIRECT", "BUFFERED_FSYNC", "BUFFERED");

    private BenchTable() {
    }

    static String markdown(CellBench cell) {
        StringBuilder md = new StringBuilder("### ").append(cell.name()).append("\n\n");
        if (!cell.note().isEmpty()) {
            md.append(cell.note()).append("\n\n");
        }
        md.append("| chunk | tail | store O_DIRECT MB/s | store buffered+fsync MB/s | plain buffered MB/s | fio direct=1 MB/s | O_DIRECT / fio |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (int chunk : cell.chunks()) {
            for (int tail : List.of(0, 1000)) {
                double direct = cell.streaming("DIRECT", chunk, tail);
                if (Double.isNaN(direct) && Double.isNaN(cell.streaming("BUFFERED_FSYNC", chunk, tail))) {
                    continue;
                }
                Double fio = cell.fioDirect().get(chunk);
                md.append("| ").append(size(chunk)).append(" | ").append(tail).append(" | ").append(mb(direct))
                        .append(" | ").append(mb(cell.streaming("BUFFERED_FSYNC", chunk, tail)))
                        .append(" | ").append(mb(cell.streaming("BUFFERED", chunk, tail)))
                        .append(" | ").append(fio == null ? "" : mb(fio))
                        .append(" | ").append(fio == null || Double.isNaN(direct) ? "" : String.format(Locale.ROOT, "%.2f", direct / fio))
                        .append(" |\n");
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
        return md.toString();
    }

    static String size(int bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }

    private static String mb(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.0f", value);
    }
}
