package dev.odirect.matrix;

import dev.odirect.conformance.crash.CrashRecorders;
import dev.odirect.conformance.run.CheckReport;
import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.suite.SuiteSettings;
import dev.odirect.matrix.blocks.DeviceFaults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the check in every selected cell on this host, one after the other, and writes the matrix. */
public final class MatrixRunner {
    private final MatrixOptions options;
    private final PrintStream console;

    public MatrixRunner(MatrixOptions options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    /** The cells to run: asked for by name (unknown names are an error), or all, then this shard's slice. */
    public static List<Cell> select(MatrixOptions options) throws CheckSetupException {
        List<Cell> chosen = byName(options, options.cells());
        List<Cell> slice = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (options.shard().takes(i)) {
                slice.add(chosen.get(i));
            }
        }
        return slice;
    }

    /** The cells of the whole run, every shard's (see {@link MatrixOptions#runCells()}). */
    static List<Cell> runCells(MatrixOptions options) throws CheckSetupException {
        return byName(options, options.runCells().isEmpty() ? options.cells() : options.runCells());
    }

    private static List<Cell> byName(MatrixOptions options, List<String> names) throws CheckSetupException {
        Map<String, Cell> catalog = CellCatalog.load(options.cellsFile());
        List<String> unknown = names.stream().filter(name -> !catalog.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw new CheckSetupException("unknown cell " + unknown + ": cells are " + catalog.keySet()
                    + " (add your own with --cells-file)");
        }
        return names.isEmpty() ? List.copyOf(catalog.values()) : names.stream().map(catalog::get).toList();
    }

    public MatrixReport runOnHost(List<Cell> cells) throws IOException, CheckSetupException {
        List<Cell> run = runCells(options);
        Path work = workDirectory(options, "odirect-matrix-");
        // registered first, so that on Ctrl-C it is removed after the cells mounted in it
        AutoCloseable emptyDirectories = () -> MountedCell.deleteEmptyDirectories(work);
        Cleanup.register(emptyDirectories);
        List<CellResult> results = new ArrayList<>();
        try {
            int n = 0;
            for (Cell cell : cells) {
                console.printf("%n[%d/%d] cell %s (%s)%n", ++n, cells.size(), cell.name(), describe(cell));
                CellResult result = runCell(cell, work, run);
                console.printf("[%d/%d] cell %s: %s%n", n, cells.size(), cell.name(), result.describe());
                result.failureReplays().forEach(line -> console.println("  replay: " + line));
                results.add(result);
            }
        } finally {
            Cleanup.unregister(emptyDirectories);
            MountedCell.deleteEmptyDirectories(work);
        }
        return MatrixReport.write(options, results, console);
    }

    private CellResult runCell(Cell cell, Path work, List<Cell> run) throws IOException {
        Optional<String> whyNot = CellAvailability.whyNot(cell);
        if (whyNot.isPresent()) {
            return NotRunCell.record(cell, whyNot.get(), cellOut(options, cell));
        }
        MountedCell mounted;
        try {
            mounted = HostProvisioner.provision(cell, work, recording(cell));
        } catch (IOException failed) {
            return NotRunCell.record(cell, "could not make the filesystem: " + failed.getMessage(), cellOut(options, cell));
        }
        Optional<String> recorder = mounted.recorder().map(CrashRecorders::register);
        try {
            Map<String, Object> facts = CellFacts.of(mounted);
            CheckReport report = CheckRunner.run(checkOptions(cell, mounted, run, recorder), console);
            mounted.recorder().flatMap(RecordedCell::lastExploration).ifPresent(explored -> {
                facts.put("crash_states", CrashStateFacts.of(explored));
                console.printf("  %s: %s%n", cell.name(), explored.describe());
            });
            return CellResult.checked(cell.name(), facts, report);
        } catch (CheckSetupException setup) {
            return CellResult.failed(cell.name(), setup.getMessage(), CellFacts.of(mounted), NotRunCell.rulesNotRun(cell,
                    "the store could not be checked in cell " + cell.name() + ": " + setup.getMessage(), cellOut(options, cell)));
        } finally {
            recorder.ifPresent(CrashRecorders::unregister);
            mounted.close();
            Cleanup.unregister(mounted);
            mounted.recorder().ifPresent(RecordedCell::discardLogUnlessFailing);
        }
    }

    /** In crash-states mode, cells that crash are made on the block recorder. */
    private Optional<Recording> recording(Cell cell) {
        return options.crash() == MatrixOptions.CrashMode.STATES && crashes(cell)
                ? Optional.of(new Recording(cellOut(options, cell), DeviceFaults.NONE)) : Optional.empty();
    }

    /** A cell that can crash and runs a rule that needs a crash. */
    static boolean crashes(Cell cell) {
        return cell.crash() && (cell.rules().isEmpty() || cell.rules().stream().anyMatch(CrashRecorders.RULES::contains));
    }

    /** A fresh directory for the cells' images and mount points, under {@code --dir} (the temporary directory by default). */
    static Path workDirectory(MatrixOptions options, String prefix) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(options.check().dir()), prefix);
    }

    private SuiteSettings checkOptions(Cell cell, MountedCell mounted, List<Cell> run, Optional<String> recorder) {
        Optional<String> whyNoCrash = recorder.isPresent() ? Optional.empty() : CellAvailability.whyNoCrash(cell)
                .or(() -> mounted.crashCommand().isEmpty() ? Optional.of("no crash command for this cell") : Optional.empty());
        boolean crash = whyNoCrash.isEmpty();
        return options.check().forCell(cell.name(), mounted.mountPoint(), cellOut(options, cell), cell.rules(),
                crash ? mounted.crashCommand() : Optional.empty(), crash ? mounted.recoverCommand() : Optional.empty(),
                cell.full() ? Optional.of(mounted.mountPoint()) : Optional.empty(), whyNoCrash,
                cell.notApplicableAmong(run), recorder).toBuilder().matrixMode(MatrixOptions.Mode.HOST.flag()).build();
    }

    /** Where a cell's summary.json, JUnit XML and Allure results go. */
    static Path cellOut(MatrixOptions options, Cell cell) {
        return options.out().resolve("cells").resolve(cell.name());
    }

    static String describe(Cell cell) {
        return switch (cell.kind()) {
            case LOOP -> cell.fs() + " on a loop device with " + cell.sector() + "-byte sectors"
                    + (cell.mount().isEmpty() ? "" : ", -o " + cell.mount());
            case TMPFS -> "tmpfs";
            case OVERLAY -> "overlayfs, upper layer on " + cell.upper().map(Cell::name).orElse("?");
        };
    }
}
