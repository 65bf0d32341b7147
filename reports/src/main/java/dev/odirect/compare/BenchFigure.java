package dev.odirect.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.bench.BenchTarget;
import dev.odirect.bench.Rounds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One number of bench.json: a side's MB/s or a ratio over the alternating rounds (with their min-max),
 * or a single JMH or fio figure (without a range).
 *
 * @param name       what was measured, the same in both runs, e.g. "rounds 1048576: DIRECT MB/s"
 * @param ofTheStore measures the reference store (its DIRECT or BUFFERED_FSYNC writer), not a yardstick
 * @param range      the rounds' min-max; null for a single figure
 */
public record BenchFigure(String cell, String name, boolean ofTheStore, boolean higherIsBetter, double value, Range range) {

    public record Range(double min, double max) {
        boolean overlaps(Range other) {
            return min <= other.max && other.min <= max;
        }
    }

    static List<BenchFigure> read(Path folder) {
        Path file = folder.resolve(FolderKind.BENCH.file());
        List<BenchFigure> figures = new ArrayList<>();
        for (JsonNode cell : ResultJson.field(ResultJson.read(file), "cells", file)) {
            String name = ResultJson.text(cell, "name", file);
            List<String> chunksInRounds = new ArrayList<>();
            for (JsonNode rounds : cell.path("rounds")) {
                chunksInRounds.add(rounds.path("chunk").asText());
                figures.addAll(rounds(name, rounds));
            }
            for (JsonNode measured : cell.path("measurements")) {
                figures.add(jmh(name, measured));
            }
            // fio's direct figure of a chunk the rounds measured is their median, already compared with its range
            cell.path("fioDirect").fields().forEachRemaining(fio -> {
                if (!chunksInRounds.contains(fio.getKey())) {
                    figures.add(single(name, "fio direct=1 psync, chunk " + fio.getKey() + ": MB/s", false, fio.getValue()));
                }
            });
            cell.path("fioBuffered").fields().forEachRemaining(fio ->
                    figures.add(single(name, "fio buffered, chunk " + fio.getKey() + ": MB/s", false, fio.getValue())));
            if (cell.path("recorder").has("ratio")) {
                figures.add(single(name, "fio on the block recorder / plain", false, cell.path("recorder").path("ratio")));
            }
        }
        return figures;
    }

    private static List<BenchFigure> rounds(String cell, JsonNode rounds) {
        String chunk = "rounds, chunk " + rounds.path("chunk").asText() + ": ";
        Map<String, List<Double>> bySide = new TreeMap<>();
        for (JsonNode round : rounds.path("mbPerSecond")) {
            round.fields().forEachRemaining(side -> bySide.computeIfAbsent(side.getKey(), k -> new ArrayList<>())
                    .add(side.getValue().asDouble()));
        }
        List<BenchFigure> figures = new ArrayList<>();
        bySide.forEach((side, values) -> Rounds.Spread.of(values).ifPresent(spread -> figures.add(new BenchFigure(
                cell, chunk + side + " MB/s", isTheStore(side), true, spread.median(), new Range(spread.min(), spread.max())))));
        rounds.path("ratios").fields().forEachRemaining(ratio -> {
            JsonNode spread = ratio.getValue();
            figures.add(new BenchFigure(cell, chunk + ratio.getKey() + " ratio", isTheStore(ratio.getKey().split("/")[0]),
                    true, spread.path("median").asDouble(), new Range(spread.path("min").asDouble(), spread.path("max").asDouble())));
        });
        return figures;
    }

    private static BenchFigure jmh(String cell, JsonNode measured) {
        Map<String, String> params = new TreeMap<>();
        measured.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
        boolean throughput = measured.path("mbPerSecond").asDouble() > 0;
        String name = "JMH " + measured.path("benchmark").asText() + " " + params + (throughput ? ": MB/s" : ": ms per operation");
        double value = measured.path(throughput ? "mbPerSecond" : "msPerOp").asDouble();
        return new BenchFigure(cell, name, isTheStore(params.getOrDefault("target", "")), throughput, value, null);
    }

    private static BenchFigure single(String cell, String name, boolean ofTheStore, JsonNode value) {
        return new BenchFigure(cell, name, ofTheStore, true, value.asDouble(), null);
    }

    private static boolean isTheStore(String side) {
        return Arrays.stream(BenchTarget.values()).anyMatch(target -> target.name().equals(side) && target.isTheStore());
    }
}
