package dev.odirect.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.odirect.conformance.suite.Durably;
import dev.odirect.conformance.setup.ToolNeed;
import dev.odirect.conformance.verify.PageCache;
import dev.odirect.matrix.Cell;
import dev.odirect.matrix.CellTools;
import dev.odirect.matrix.Cells;
import dev.odirect.matrix.MountedCell;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.runner.RunnerException;

/**
 * `odirect bench`: in each cell, the JMH benchmarks of the reference store, alternating rounds of the
 * store and fio, fio with the same block sizes as the baseline, page-cache residency and counters; then
 * bench.json, bench.md, charts and Allure results. Without root, one run in a plain directory, said plainly.
 */
public final class BenchRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The block size of fio's writes when the block recorder's cost is measured. */
    static final int RECORDER_BLOCK = 1 << 20;
    /** The fact that says whether the cell's loop device bypassed the host's page cache. */
    static final String LOOP_DIRECT_IO = "loop device direct I/O";

    private final BenchOptions options;
    private final PrintStream console;

    public BenchRunner(BenchOptions options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    /** The system tools the benchmarks take: the cells', fio for the baseline, fincore for page-cache residency. */
    public static List<ToolNeed> toolNeeds(BenchOptions options) {
        Map<String, Cell> catalog = Cells.catalog(options.cellsFile());
        List<ToolNeed> needs = new ArrayList<>(CellTools.forCells(options.cellsToRun().stream()
                .filter(catalog::containsKey).map(catalog::get).toList()));
        needs.add(FioBaseline.NEED);
        needs.add(PageCache.NEED);
        return needs;
    }

    public List<CellBench> run() throws IOException, RunnerException {
        Map<String, Cell> catalog = Cells.catalog(options.cellsFile());
        List<CellBench> results = new ArrayList<>();
        Path work = Files.createTempDirectory("odirect-bench-");
        try {
            for (String name : options.cellsToRun()) {
                Cell cell = Optional.ofNullable(catalog.get(name)).orElseThrow(() ->
                        new IllegalArgumentException("unknown cell '" + name + "': cells are " + catalog.keySet()));
                console.printf("%nbench: cell %s%n", name);
                Optional<String> whyNot = Cells.whyNot(cell);
                if (whyNot.isPresent()) {
                    console.println("bench: cell " + name + " not run: " + whyNot.get() + "; measuring in " + work + " instead");
                    results.add(measure("plain directory (" + name + " not run: " + whyNot.get() + ")", work, Map.of(), ""));
                    break;
                }
                MountedCell mounted = Cells.mount(cell.withSize((options.longRun() ? 32L : 4L) << 30), work);
                CellBench measured;
                try {
                    // the host's page cache under a loop device is a device without a queue, where writes in
                    // flight gain nothing and its writeback moves every number: measure on the host's disk
                    String loopDirectIo = Cells.bypassHostCache(mounted);
                    console.println("bench: " + name + ": loop device direct I/O " + loopDirectIo);
                    Map<String, Object> facts = new LinkedHashMap<>(Cells.facts(mounted));
                    facts.put(LOOP_DIRECT_IO, loopDirectIo);
                    measured = measure(name, mounted.mountPoint(), facts, "");
                } finally {
                    Cells.release(mounted);
                }
                results.add(withRecorderCost(cell, work, measured));
            }
        } finally {
            Durably.deleteTree(work);
        }
        write(results);
        return results;
    }

    private CellBench measure(String name, Path dir, Map<String, Object> facts, String note)
            throws IOException, RunnerException {
        console.println("bench: " + name + ": JMH (" + (options.longRun() ? "long" : "short") + ")...");
        List<JmhRun.Measurement> measurements = JmhRun.run(dir, options);
        List<Rounds> rounds = AlternatingRounds.run(name, dir, options, console);
        Map<Integer, Double> fioDirect = new TreeMap<>();
        // one fio setting, one number: where the rounds ran fio psync, their median is its number for that block size
        rounds.forEach(r -> r.mbPerSecond(FioBaseline.Job.PSYNC_IODEPTH_1).ifPresent(spread -> fioDirect.put(r.chunk(), spread.median())));
        Map<Integer, Double> fioBuffered = new TreeMap<>();
        String fioNote = note;
        if (FioBaseline.available()) {
            console.println("bench: " + name + ": fio baseline...");
            for (int chunk : chunksMeasured(measurements)) {
                if (!fioDirect.containsKey(chunk)) {
                    fioDirect.put(chunk, FioBaseline.direct(dir, chunk, options.sizeMiB(), FioBaseline.Job.PSYNC_IODEPTH_1));
                }
            }
            fioBuffered.put(1 << 20, FioBaseline.buffered(dir, 1 << 20, options.sizeMiB()));
        } else {
            fioNote = FioBaseline.NOT_INSTALLED + ": no baseline";
        }
        Map<String, Object> observed = CacheAndCounters.observe(dir);
        CellBench cell = new CellBench(name, facts, measurements, fioDirect, fioBuffered, rounds, observed, fioNote, Map.of());
        console.print(BenchTable.markdown(cell));
        return cell;
    }

    /** fio's 1 MiB direct writes again on the cell made on the block recorder, against the same on the cell as it is. */
    private CellBench withRecorderCost(Cell cell, Path work, CellBench measured) throws IOException {
        Double plain = measured.fioDirect().get(RECORDER_BLOCK);
        if (plain == null || !cell.crash() || !Files.exists(Path.of("/dev/fuse"))) {
            return measured;
        }
        console.println("bench: " + cell.name() + ": fio on the block recorder...");
        MountedCell recorded = Cells.mountRecorded(cell.withSize(Math.max(1L << 30, 4L * options.sizeMiB() << 20)), work);
        double onRecorder;
        try {
            onRecorder = FioBaseline.direct(recorded.mountPoint(), RECORDER_BLOCK, options.sizeMiB(), FioBaseline.Job.PSYNC_IODEPTH_1);
        } finally {
            Cells.release(recorded);
        }
        Map<String, Double> cost = new LinkedHashMap<>();
        cost.put("plain_mb_s", plain);
        cost.put("recorded_mb_s", onRecorder);
        cost.put("ratio", onRecorder / plain);
        CellBench withCost = measured.withRecorder(cost);
        console.print(BenchTable.recorder(withCost));
        return withCost;
    }

    private static List<Integer> chunksMeasured(List<JmhRun.Measurement> measurements) {
        List<Integer> chunks = measurements.stream().filter(m -> m.params().containsKey("chunk"))
                .map(m -> Integer.parseInt(m.params().get("chunk"))).distinct().sorted().toList();
        return chunks.isEmpty() ? List.of(1 << 20) : chunks;
    }

    private void write(List<CellBench> cells) throws IOException {
        Path out = Files.createDirectories(options.out());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("long", options.longRun());
        json.put("size_mib", options.sizeMiB());
        json.put("cells", cells);
        JSON.writeValue(out.resolve("bench.json").toFile(), json);
        StringBuilder md = new StringBuilder("## Benchmarks of the reference store\n\n");
        Path charts = Files.createDirectories(out.resolve("charts"));
        for (CellBench cell : cells) {
            String table = BenchTable.markdown(cell) + BenchTable.recorder(cell);
            md.append(table).append('\n');
            Path chart = BenchChart.write(cell, charts.resolve(cell.name().replaceAll("[^A-Za-z0-9-]", "_") + ".png"));
            BenchAllure.write(out.resolve("allure-results"), cell, table, chart);
        }
        Files.writeString(out.resolve("bench.md"), md);
        console.println("bench: " + out.resolve("bench.json") + ", " + out.resolve("bench.md") + ", " + charts);
    }
}
