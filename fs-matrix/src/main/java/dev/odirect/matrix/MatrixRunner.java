package dev.odirect.matrix;

import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.run.CheckReport;
import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.run.RuleResult;
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
        Map<String, Cell> catalog = CellCatalog.load(options.cellsFile());
        List<String> unknown = options.cells().stream().filter(name -> !catalog.containsKey(name)).toList();
        if (!unknown.isEmpty()) {
            throw new CheckSetupException("unknown cell " + unknown + ": cells are " + catalog.keySet()
                    + " (add your own with --cells-file)");
        }
        List<Cell> chosen = options.cells().isEmpty() ? List.copyOf(catalog.values())
                : options.cells().stream().map(catalog::get).toList();
        List<Cell> slice = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (options.shard().takes(i)) {
                slice.add(chosen.get(i));
            }
        }
        return slice;
    }

    public MatrixReport runOnHost(List<Cell> cells) throws IOException {
        Path work = Files.createTempDirectory("odirect-matrix-");
        List<CellResult> results = new ArrayList<>();
        try {
            int n = 0;
            for (Cell cell : cells) {
                console.printf("%n[%d/%d] cell %s (%s)%n", ++n, cells.size(), cell.name(), describe(cell));
                CellResult result = runCell(cell, work);
                console.printf("[%d/%d] cell %s: %s%s%n", n, cells.size(), cell.name(), result.status(),
                        result.reason().isEmpty() ? "" : " (" + result.reason() + ")");
                results.add(result);
            }
        } finally {
            MountedCell.deleteIfEmpty(work);
        }
        return MatrixReport.write(options, results, console);
    }

    private CellResult runCell(Cell cell, Path work) throws IOException {
        Optional<String> whyNot = CellAvailability.whyNot(cell);
        if (whyNot.isPresent()) {
            return CellResult.notRun(cell.name(), whyNot.get());
        }
        MountedCell mounted;
        try {
            mounted = HostProvisioner.provision(cell, work);
        } catch (IOException failed) {
            return CellResult.notRun(cell.name(), "could not make the filesystem: " + failed.getMessage());
        }
        try {
            Map<String, Object> facts = CellFacts.of(mounted);
            CheckReport report = CheckRunner.run(checkOptions(cell, mounted), console);
            boolean mustFailed = report.results().stream().anyMatch(RuleResult::mustFailed);
            String reason = mustFailed ? "MUST rules failed: " + failedIds(report) : "";
            return new CellResult(cell.name(), mustFailed ? CellResult.FAILED : CellResult.PASSED, reason, facts,
                    report.results());
        } catch (CheckSetupException setup) {
            return new CellResult(cell.name(), CellResult.FAILED, setup.getMessage(), CellFacts.of(mounted), List.of());
        } finally {
            mounted.close();
            Cleanup.unregister(mounted);
        }
    }

    private CheckOptions checkOptions(Cell cell, MountedCell mounted) {
        Optional<String> whyNoCrash = CellAvailability.whyNoCrash(cell)
                .or(() -> mounted.crashCommand().isEmpty() ? Optional.of("no crash command for this cell") : Optional.empty());
        boolean crash = whyNoCrash.isEmpty();
        return options.check().forCell(cell.name(), mounted.mountPoint(), options.out().resolve("cells").resolve(cell.name()),
                cell.rules(), crash ? mounted.crashCommand() : Optional.empty(),
                crash ? mounted.recoverCommand() : Optional.empty(),
                cell.full() ? Optional.of(mounted.mountPoint()) : Optional.empty(), whyNoCrash);
    }

    private static String failedIds(CheckReport report) {
        return String.join(", ", report.results().stream().filter(RuleResult::mustFailed).map(RuleResult::id).toList());
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
