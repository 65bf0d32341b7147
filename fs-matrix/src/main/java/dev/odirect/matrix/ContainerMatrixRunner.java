package dev.odirect.matrix;

import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.suite.SuiteSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Container mode: each cell in a fresh container of the locally built image, where the suite jar
 * runs the host-mode matrix for that one cell; its results come out through a mounted folder.
 */
public final class ContainerMatrixRunner {
    private static final List<String> TESTCONTAINERS_ENV = List.of("TESTCONTAINERS_RYUK_DISABLED",
            "TESTCONTAINERS_CHECKS_DISABLE");

    private final MatrixOptions options;
    private final Path jar;
    private final boolean privileged;
    private final PrintStream console;

    public ContainerMatrixRunner(MatrixOptions options, Path jar, boolean privileged, PrintStream console) {
        this.options = options;
        this.jar = jar;
        this.privileged = privileged;
        this.console = console;
    }

    /** No registry is reachable: Testcontainers must neither start its reaper nor pull check images. */
    public static void requireOfflineTestcontainers() throws CheckSetupException {
        for (String name : TESTCONTAINERS_ENV) {
            if (!"true".equals(System.getenv(name))) {
                throw new CheckSetupException("container mode needs " + String.join("=true ", TESTCONTAINERS_ENV)
                        + "=true and TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE=" + ContainerImage.LOCAL
                        + " in the environment (./odirect sets them): no image registry can be reached");
            }
        }
    }

    public MatrixReport run(List<Cell> cells) throws IOException, CheckSetupException {
        String image = ContainerImage.ensure(console);
        List<String> run = MatrixRunner.runCells(options).stream().map(Cell::name).toList();
        List<CellResult> results = new ArrayList<>();
        int n = 0;
        for (Cell cell : cells) {
            console.printf("%n[%d/%d] cell %s (%s) in a container of %s%n", ++n, cells.size(), cell.name(),
                    MatrixRunner.describe(cell), image);
            CellResult result = runCell(cell, image, run);
            console.printf("[%d/%d] cell %s: %s%n", n, cells.size(), cell.name(), result.describe());
            results.add(result);
        }
        return MatrixReport.write(options, results, console);
    }

    private CellResult runCell(Cell cell, String image, List<String> run) throws IOException {
        List<String> devices;
        try {
            int needed = cell.loopDevices() + (recorded(cell) ? 1 : 0);
            devices = needed == 0 ? List.of() : LoopDevices.free(needed);
        } catch (IOException none) {
            return NotRunCell.record(cell, "no free loop device on the host to give the container: "
                    + none.getMessage(), MatrixRunner.cellOut(options, cell));
        }
        Path out = Files.createDirectories(options.out().resolve("containers").resolve(cell.name()));
        Path work = MatrixRunner.workDirectory(options, "odirect-container-");
        try (CellContainer container = new CellContainer(image, jar, work, out, devices, privileged, options.cellsFile(),
                recorded(cell))) {
            container.start();
            long exit = container.exec(command(cell, run), console, "  ");
            return resultOf(cell, out, exit, container.privileges(), image, MatrixRunner.cellOut(options, cell));
        } finally {
            HostCommands.run("rm", "-rf", "--one-file-system", work.toString());
        }
    }

    /** A cell on the block recorder needs /dev/fuse and one more loop device, for its crash states and faults. */
    private boolean recorded(Cell cell) {
        return options.crash() == MatrixOptions.CrashMode.STATES && cell.crash();
    }

    private List<String> command(Cell cell, List<String> run) {
        SuiteSettings check = options.check();
        List<String> command = new ArrayList<>(List.of("java", "-Djava.io.tmpdir=" + CellContainer.WORK, "-jar",
                CellContainer.JAR, "matrix", "--mode", "host", "--cells", cell.name(), "--out", CellContainer.OUT,
                SuiteSettings.SEED, Long.toString(check.seed()), SuiteSettings.PROFILE, check.profile().name().toLowerCase(),
                SuiteSettings.TIMEOUT, Long.toString(check.timeout().toSeconds()),
                SuiteSettings.ADAPTER_MAX_LINE, Integer.toString(check.adapterMaxLine()),
                MatrixOptions.RUN_CELLS_OPTION, String.join(",", run),
                MatrixOptions.CRASH_OPTION, options.crash().name().toLowerCase()));
        check.store().ifPresent(uri -> command.addAll(List.of(SuiteSettings.STORE, uri.toString())));
        check.adapter().ifPresent(adapter -> command.addAll(List.of(SuiteSettings.ADAPTER, adapter)));
        if (check.notDirect()) {
            command.add(SuiteSettings.NOT_DIRECT);
        }
        if (!check.waive().isEmpty()) {
            command.addAll(List.of(SuiteSettings.WAIVE, String.join(",", check.waive())));
        }
        options.cellsFile().ifPresent(file -> command.addAll(List.of("--cells-file", "/odirect/cells.yaml")));
        return command;
    }

    private static CellResult resultOf(Cell cell, Path out, long exit, String privileges, String image, Path cellOut)
            throws IOException {
        Path matrix = out.resolve("matrix.json");
        if (!Files.exists(matrix)) {
            String why = "the check in the container ended with status " + exit + " and wrote no matrix.json (its output is above)";
            return CellResult.failed(cell.name(), why, Map.of(), NotRunCell.rulesNotRun(cell, why, cellOut));
        }
        CellResult inside = CellResult.from(MatrixReport.JSON.readTree(matrix.toFile()).path("cells").path(0));
        Map<String, Object> facts = new LinkedHashMap<>(inside.facts());
        facts.put("container", Map.of("image", image, "privileges", privileges));
        if (facts.get("crash_states") instanceof Map<?, ?> states && states.get("log") instanceof String log) {
            Map<Object, Object> onHost = new LinkedHashMap<>(states);
            onHost.put("log", log.replace(CellContainer.OUT, out.toString()));
            facts.put("crash_states", onHost);
        }
        return new CellResult(cell.name(), inside.made(), inside.verdict(), inside.reason(), facts, inside.rules(),
                inside.replays());
    }
}
