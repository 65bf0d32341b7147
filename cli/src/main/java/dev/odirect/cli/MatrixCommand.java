package dev.odirect.cli;

import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.conformance.suite.ReplayCommand;
import dev.odirect.conformance.suite.SuiteSettings;
import dev.odirect.matrix.Cell;
import dev.odirect.matrix.CellTools;
import dev.odirect.matrix.ContainerMatrixRunner;
import dev.odirect.matrix.MatrixOptions;
import dev.odirect.matrix.MatrixReport;
import dev.odirect.matrix.MatrixRunner;
import dev.odirect.matrix.NoCellFallback;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "matrix", mixinStandardHelpOptions = true, versionProvider = Odirect.Version.class,
        description = {"Run the conformance rules in every filesystem cell (ext4, xfs with 512 B and 4 KiB sectors, "
            + "btrfs, tmpfs, overlay, a full ext4...): each cell is made on a loop device, checked, crashed where it "
            + "can be, and taken down.",
            "Writes matrix.json, matrix.md, matrix.html and each cell's check results to --out."},
        footer = {"", "Container mode builds its image once with debootstrap and docker import (no registry is needed).",
            "", ExitStatus.HELP_HEADING, ExitStatus.HELP_PROVEN, ExitStatus.HELP_MUST_FAILED, ExitStatus.HELP_ERROR,
            ExitStatus.HELP_NOT_PROVEN, "     (a cell this machine cannot make is not run: the matrix is not proven)", "",
            "Examples:", "  odirect matrix", "  odirect matrix --cells xfs,xfs-4k --adapter 'python3 my_adapter.py'",
            "  odirect matrix --cells xfs --rule DURABLE-1 --seed 42    (a failure's replay: the cell is made again)",
            "  odirect matrix --shard 2/3 --out results/2    (then: odirect report --merge results/* --out all)"})
final class MatrixCommand implements Callable<Integer> {

    @Mixin
    SuiteOptions suite = new SuiteOptions();

    @Mixin
    InstallOption install = new InstallOption();

    @Option(names = MatrixOptions.CELLS_OPTION, split = ",", paramLabel = "NAMES",
            description = "Cells to run (default: every cell of cells.yaml and --cells-file).")
    List<String> cells = List.of();

    @Option(names = ReplayCommand.RULE_OPTION, paramLabel = "ID", split = ",",
            description = "Run only these rules in each cell, e.g. DURABLE-1 (with --cells and --seed: a failure's replay).")
    List<String> rules = List.of();

    @Option(names = "--cells-file", paramLabel = "FILE", description = "More cells, in the format of cells.yaml.")
    Path cellsFile;

    @Option(names = "--mode", defaultValue = "auto", paramLabel = "auto|host|containers",
            description = "containers: each cell in a container of a locally built image (Docker); host: loop devices on "
                    + "this machine (root); auto: containers when a Docker engine answers, else host when root, else a "
                    + "plain-directory check with a note that no cell ran (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--privileged", description = "Start cell containers with --privileged instead of only "
            + "CAP_SYS_ADMIN and the loop devices they need.")
    boolean privileged;

    @Option(names = MatrixOptions.CRASH_OPTION, defaultValue = "states", paramLabel = "states|shutdown",
            description = "How DURABLE-1 crashes a cell. states: the cell's device is a loop device on a file the suite "
                    + "serves through FUSE, which records every write and flush; the crash states (after every "
                    + "acknowledgement, at and before flushes, unflushed writes dropped or torn) are mounted and checked "
                    + "one by one (ext4, xfs, btrfs, overlay's upper layer). shutdown: one FS_IOC_SHUTDOWN and remount, "
                    + "faster, and it loses nothing the device already had (default: ${DEFAULT-VALUE}).")
    String crash;

    @Option(names = "--shard", defaultValue = "1/1", paramLabel = "I/N", description = "Run the I-th of N slices of the cells.")
    String shard;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: target/odirect/matrix-<timestamp>).")
    Path out;

    @Option(names = SuiteSettings.DIR, paramLabel = "DIR", description = "The cells' images and mount points go to a fresh "
            + "subdirectory of DIR; without root, the rules run there (default: ${sys:java.io.tmpdir}).")
    Path dir;

    /** The container mode's matrix in each container runs one cell of this run. */
    @Option(names = MatrixOptions.RUN_CELLS_OPTION, split = ",", hidden = true)
    List<String> runCells = List.of();

    private MatrixReport containers(MatrixOptions options, List<Cell> selected) throws Exception {
        ContainerMatrixRunner.requireOfflineTestcontainers();
        Path jar = Path.of(Odirect.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!jar.toString().endsWith(".jar")) {
            throw new CheckSetupException("container mode runs the suite jar inside the containers: build it "
                    + "(./mvnw package) and start odirect through ./odirect");
        }
        return new ContainerMatrixRunner(options, jar, privileged, System.out).run(selected);
    }

    @Override
    public Integer call() throws Exception {
        Path outDir = (out != null ? out : SuiteSettings.defaultOut("matrix")).toAbsolutePath();
        SuiteSettings.Builder settings = suite.settings().out(outDir).rule(rules.stream().map(String::trim).toList());
        if (dir != null) {
            settings.dir(dir);
        }
        SuiteSettings check = settings.build();
        MatrixOptions options = new MatrixOptions(check, cells, MatrixOptions.Mode.parse(mode),
                MatrixOptions.Shard.parse(shard), outDir, Optional.ofNullable(cellsFile), runCells,
                MatrixOptions.CrashMode.parse(crash));
        try {
            List<Cell> selected = MatrixRunner.select(options);
            CheckRunner.preflight(check);
            Optional<MatrixOptions.Mode> resolved = NoCellFallback.resolve(options.mode());
            install.provide("matrix", CellTools.forMatrix(selected, resolved, options.crash()));
            MatrixReport report = resolved.isEmpty() ? NoCellFallback.run(options, NoCellFallback.whyNoCell(), System.out)
                    : resolved.get() == MatrixOptions.Mode.CONTAINERS ? containers(options, selected)
                    : new MatrixRunner(options, System.out).runOnHost(selected);
            Reports.generateAfterRun(outDir, System.out, suite.noReport);
            System.out.println(report.verdict().closingLines());
            return report.exitStatus();
        } catch (CheckSetupException setup) {
            System.err.println("odirect matrix: " + setup.getMessage());
            return ExitStatus.ERROR;
        }
    }
}
