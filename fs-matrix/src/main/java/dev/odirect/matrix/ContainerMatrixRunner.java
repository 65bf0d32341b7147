package dev.odirect.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.run.RuleResult;
import dev.odirect.conformance.suite.RuleCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    public MatrixReport run(List<Cell> cells) throws IOException {
        String image = ContainerImage.ensure(console);
        List<CellResult> results = new ArrayList<>();
        int n = 0;
        for (Cell cell : cells) {
            console.printf("%n[%d/%d] cell %s (%s) in a container of %s%n", ++n, cells.size(), cell.name(),
                    MatrixRunner.describe(cell), image);
            CellResult result = runCell(cell, image);
            console.printf("[%d/%d] cell %s: %s%s%n", n, cells.size(), cell.name(), result.status(),
                    result.reason().isEmpty() ? "" : " (" + result.reason() + ")");
            results.add(result);
        }
        return MatrixReport.write(options, results, console);
    }

    private CellResult runCell(Cell cell, String image) throws IOException {
        Optional<String> device = Optional.empty();
        if (cell.kind() != Cell.Kind.TMPFS) {
            try {
                device = Optional.of(HostCommands.run("losetup", "--find"));
            } catch (IOException none) {
                return CellResult.notRun(cell.name(), "no free loop device on the host to give the container: " + none.getMessage());
            }
        }
        Path out = Files.createDirectories(options.out().resolve("containers").resolve(cell.name()));
        Path work = Files.createTempDirectory("odirect-container-");
        try (CellContainer container = new CellContainer(image, jar, work, out, device, privileged, options.cellsFile())) {
            container.start();
            long exit = container.exec(command(cell), console, "  ");
            return resultOf(cell, out, exit, container.privileges(), image);
        } finally {
            HostCommands.run("rm", "-rf", "--one-file-system", work.toString());
        }
    }

    private List<String> command(Cell cell) {
        CheckOptions check = options.check();
        List<String> command = new ArrayList<>(List.of("java", "-Djava.io.tmpdir=" + CellContainer.WORK, "-jar",
                CellContainer.JAR, "matrix", "--mode", "host", "--cells", cell.name(), "--out", CellContainer.OUT,
                "--seed", Long.toString(check.seed()), "--profile", check.profile().name().toLowerCase(),
                "--adapter-timeout", Long.toString(check.adapterTimeout().toSeconds())));
        check.store().ifPresent(uri -> command.addAll(List.of("--store", uri.toString())));
        check.adapter().ifPresent(adapter -> command.addAll(List.of("--adapter", adapter)));
        if (!check.direct()) {
            command.add("--not-direct");
        }
        options.cellsFile().ifPresent(file -> command.addAll(List.of("--cells-file", "/odirect/cells.yaml")));
        return command;
    }

    private static CellResult resultOf(Cell cell, Path out, long exit, String privileges, String image) throws IOException {
        Path matrix = out.resolve("matrix.json");
        if (!Files.exists(matrix)) {
            return new CellResult(cell.name(), CellResult.FAILED, "the check in the container ended with status " + exit
                    + " and wrote no matrix.json (its output is above)", Map.of(), List.of());
        }
        JsonNode json = MatrixReport.JSON.readTree(matrix.toFile()).path("cells").path(0);
        Map<String, Object> facts = new LinkedHashMap<>(MatrixReport.JSON.convertValue(json.path("facts"),
                MatrixReport.JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
        facts.put("container", Map.of("image", image, "privileges", privileges));
        List<RuleResult> rules = new ArrayList<>();
        for (JsonNode rule : json.path("rules")) {
            rules.add(new RuleResult(rule.path("id").asText(), RuleCatalog.Level.valueOf(rule.path("level").asText()),
                    rule.path("status").asText(), rule.path("message").asText(), rule.path("message").asText(), 0));
        }
        return new CellResult(cell.name(), json.path("status").asText(CellResult.FAILED), json.path("reason").asText(""),
                facts, rules);
    }
}
