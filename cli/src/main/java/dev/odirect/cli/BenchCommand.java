package dev.odirect.cli;

import dev.odirect.bench.BenchOptions;
import dev.odirect.bench.BenchRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Odirect.Version.class,
        description = {"Benchmark the reference store in filesystem cells: JMH (streaming write with O_DIRECT, the "
            + "JDK's FileChannel with DIRECT, the store buffered with fsync and plain buffered, chunks of 4 KiB to 4 MiB, "
            + "with and without an unaligned tail; reads; the checkpoint, shards and random-read workloads), fio with the "
            + "same block sizes and direct=1 as the baseline, page-cache residency and store counters, and the cost of the "
            + "block recorder (fio on the cell made on it against the plain cell).",
            "The store's and the JDK's streaming write with 1 MiB and 4 MiB chunks, no tail, are compared with fio in "
                + "alternating rounds in the same cell (fio direct=1 psync iodepth 1, and io_uring iodepth 4 as the "
                + "device's ceiling): the table shows the median of the per-round ratios and their min-max.",
            "Writes bench.json, bench.md, charts/ and the HTML report to --out. Numbers from a shared machine vary: "
                + "decide on the ratios of the rounds, not on one run."},
        footer = {"", "Examples:", "  odirect bench", "  odirect bench --cells xfs-4k --long",
            "  odirect bench --cells xfs --rounds 7 --only StreamingWrite --param chunk=4194304",
            "  odirect bench --cells tmpfs --only StreamingWrite --param chunk=1048576 --param target=DIRECT"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cells", split = ",", paramLabel = "NAMES",
            description = "Cells to measure in (default: xfs,ext4; with --long: xfs,xfs-4k,ext4,btrfs,tmpfs).")
    List<String> cells = List.of();

    @Option(names = "--long", description = "Real runs: 1 GiB objects, longer iterations, more cells.")
    boolean longRun;

    @Option(names = "--only", paramLabel = "REGEX", description = "Only the JMH benchmarks matching this pattern.")
    String only;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Fix a benchmark parameter (values comma separated).")
    Map<String, String> params = Map.of();

    @Option(names = "--rounds", paramLabel = "N", description = "Alternating rounds of store and fio (at least "
            + BenchOptions.MIN_ROUNDS + "; default " + BenchOptions.SHORT_ROUNDS + ", with --long " + BenchOptions.LONG_ROUNDS + ").")
    Integer rounds;

    @Option(names = "--cells-file", paramLabel = "FILE", description = "More cells, in the format of cells.yaml.")
    Path cellsFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: target/odirect/bench-<timestamp>).")
    Path out;

    @Mixin
    InstallOption install = new InstallOption();

    @Override
    public Integer call() throws Exception {
        Path outDir = (out != null ? out : SuiteOptions.defaultOut("bench")).toAbsolutePath();
        BenchOptions options;
        try {
            options = new BenchOptions(cells, longRun, outDir, Optional.ofNullable(cellsFile), Optional.ofNullable(only),
                    params, rounds == null ? OptionalInt.empty() : OptionalInt.of(rounds));
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), "--rounds: " + bad.getMessage());
        }
        install.provide("bench", BenchRunner.toolNeeds(options));
        new BenchRunner(options, System.out).run();
        Reports.generateAfterRun(outDir, System.out);
        return 0;
    }
}
