package dev.odirect.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** A bar chart of a cell's streaming-write MB/s by chunk size: the targets and fio side by side (XChart). */
final class BenchChart {
    private BenchChart() {
    }

    static Path write(CellBench cell, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Streaming write, " + cell.name() + " (no tail)").xAxisTitle("chunk size").yAxisTitle("MB/s").build();
        List<String> sizes = cell.chunks().stream().map(BenchTable::size).toList();
        for (BenchTarget target : BenchTarget.values()) {
            List<Double> values = new ArrayList<>();
            cell.chunks().forEach(chunk -> values.add(orZero(cell.streaming(target, chunk, 0))));
            if (values.stream().anyMatch(v -> v > 0)) {
                chart.addSeries(target.label(), sizes, values);
            }
        }
        if (!cell.fioDirect().isEmpty() && !sizes.isEmpty()) {
            List<Double> fio = new ArrayList<>();
            cell.chunks().forEach(chunk -> fio.add(cell.fioDirect().getOrDefault(chunk, 0.0)));
            chart.addSeries(FioBaseline.Job.PSYNC_IODEPTH_1.label(), sizes, fio);
        }
        if (chart.getSeriesMap().isEmpty()) {
            return null;
        }
        BitmapEncoder.saveBitmap(chart, file.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
