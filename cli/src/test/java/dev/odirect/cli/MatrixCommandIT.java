package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.matrix.ContainerImage;
import dev.odirect.store.testing.Commands;
import dev.odirect.store.testing.Leftovers;
import dev.odirect.store.testing.CiProvides;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * `odirect matrix` as a process: interrupted mid-cell it leaves nothing; a cell it cannot make, or no
 * cell at all (without root), leaves it not proven, and says so.
 */
@Order(2)
class MatrixCommandIT {
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String JAR = System.getProperty("odirect.jar");
    /** Held by the tests that start containers of the cell image: one checks that none is left afterwards. */
    static final String CELL_CONTAINERS = "containers of the cell image";

    /**
     * Each test's matrix makes its cells under a directory of its own ({@code --dir}): the other tests'
     * cells, running meanwhile, are not its leftovers.
     */
    @TempDir
    Path cellsDir;

    /** The loop devices and mounts of this test's matrix still attached or mounted. */
    String leftovers() throws IOException {
        return Leftovers.under(cellsDir);
    }

    @Test
    void ctrlCInTheMiddleOfACellLeavesNoLoopDeviceMountOrImage() throws Exception {
        assumeTrue(Commands.isRoot() && Files.exists(Path.of("/dev/loop-control")) && Commands.tool("mkfs.xfs").isPresent(),
                "not run: needs root, loop devices and mkfs.xfs");
        Path out = Files.createTempDirectory("odirect-ctrlc-");
        Process matrix = new ProcessBuilder(JAVA, "-jar", JAR, "matrix", "--mode", "host", "--cells", "xfs",
                "--profile", "thorough", "--dir", cellsDir.toString(), "--out", out.toString()).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(matrix.getInputStream(), StandardCharsets.UTF_8));
        String line;
        boolean inCell = false;
        while (!inCell && (line = lines.readLine()) != null) {
            inCell = line.startsWith("[1/1] cell xfs");
        }
        assertTrue(inCell, "the cell started");
        // interrupted once its filesystem is mounted: the crash workload runs first, on the block recorder
        for (int i = 0; i < 120 && !leftovers().contains("/mnt"); i++) {
            Thread.sleep(500);
        }
        assertTrue(leftovers().contains("/mnt"), "the cell is mounted while it runs: " + leftovers());
        Thread.sleep(3000);
        Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }));
        drain.start();
        Commands.run("kill", "-INT", Long.toString(matrix.pid()));
        assertTrue(matrix.waitFor(2, TimeUnit.MINUTES), "the matrix stops after Ctrl-C");
        assertEquals("", Leftovers.underOnceSettled(cellsDir), "loop devices or mounts left after Ctrl-C");
        try (var images = Files.walk(cellsDir)) {
            assertEquals(List.of(cellsDir), images.toList(),
                    "the matrix's work directory, its images and mount points");
        }
        Commands.run("rm", "-rf", out.toString());
    }

    @Test
    @ResourceLock(CELL_CONTAINERS)
    void containerModeRunsCellsInContainersWithLeastPrivilegeAndLeavesNothing() throws Exception {
        boolean docker = ContainerImage.engineAnswers();
        CiProvides.require(docker, "a Docker engine that answers 'docker info' (docker.io, dockerd started)");
        Path out = Files.createTempDirectory("odirect-containers-");
        // without the ext4-full cell in the run, ERROR-1 cannot run in these cells
        Process matrix = new ProcessBuilder(JAVA, "-jar", JAR, "matrix", "--mode", "containers", "--cells",
                "xfs-4k,tmpfs,overlay", "--waive", "ERROR-1", "--seed", "8", "--no-report", "--dir", cellsDir.toString(),
                "--out", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(matrix.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(matrix.waitFor(15, TimeUnit.MINUTES));
        assertEquals(ExitStatus.PROVEN, matrix.exitValue(), output);
        var json = new ObjectMapper().readTree(out.resolve("matrix.json").toFile());
        assertEquals(3, json.path("cells").size());
        for (var cell : json.path("cells")) {
            assertEquals("passed", cell.path("status").asText(), cell.toString());
            assertTrue(cell.at("/facts/container/privileges").asText().startsWith("CAP_SYS_ADMIN"), cell.toString());
            assertEquals(cell.path("name").asText().equals("tmpfs") ? "not-applicable" : "passed",
                    ruleStatus(cell, "DURABLE-1"), cell.toString());
        }
        assertEquals("[\"ERROR-1\"]", json.path("waived").toString());
        assertEquals("odirect-reference", json.at("/store/name").asText());
        assertEquals("", leftovers());
        assertEquals("", Commands.run("docker", "ps", "-aq", "--filter", "ancestor=" + ContainerImage.tag()));
        Commands.run("rm", "-rf", out.toString());
    }

    @Test
    void aCellThisMachineCannotMakeLeavesTheMatrixNotProvenAndIsReportedAsSkippedTests() throws Exception {
        assumeTrue(Commands.isRoot(), "not run: needs root to mount the tmpfs cell");
        Path out = Files.createTempDirectory("odirect-unavailable-");
        Path cells = Files.writeString(out.resolve("cells.yaml"), "nosuchfs:\n  fs: nosuchfs\n");
        Process matrix = new ProcessBuilder(JAVA, "-jar", JAR, "matrix", "--mode", "host", "--cells", "tmpfs,nosuchfs",
                "--cells-file", cells.toString(), "--waive", "ERROR-1", "--seed", "8", "--out", out.resolve("m").toString())
                .redirectErrorStream(true).start();
        String output = new String(matrix.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(matrix.waitFor(5, TimeUnit.MINUTES));
        assertEquals(ExitStatus.NOT_PROVEN, matrix.exitValue(), output);
        assertTrue(lastLine(output).startsWith("not proven: cells not run: nosuchfs (the kernel has no nosuchfs filesystem"),
                output);
        assertTrue(lastLine(output).endsWith("; run the cells this machine can make with --cells tmpfs"
                + "; waived: ERROR-1 (not run) in tmpfs"), output);
        var json = new ObjectMapper().readTree(out.resolve("m/matrix.json").toFile());
        assertEquals("not-proven", json.path("verdict").asText());
        var tmpfs = json.at("/cells/0");
        assertEquals("passed", tmpfs.path("status").asText(), "DURABLE-1 does not apply to tmpfs: " + tmpfs);
        assertEquals("not-applicable", ruleStatus(tmpfs, "DURABLE-1"));
        assertEquals("not-run", json.at("/cells/1/status").asText());
        List<Path> skipped;
        try (var results = Files.list(out.resolve("m/cells/nosuchfs/allure-results"))) {
            skipped = results.filter(p -> p.toString().endsWith("-result.json")).toList();
        }
        assertEquals(RuleCatalog.rules().size(), skipped.size());
        var first = new ObjectMapper().readTree(skipped.get(0).toFile());
        assertEquals("skipped", first.path("status").asText());
        assertTrue(first.at("/statusDetails/message").asText().startsWith("cell nosuchfs not run: the kernel has no"));
        String page = Files.readString(out.resolve("m/index.html"));
        assertTrue(page.contains("cell nosuchfs not run: the kernel has no nosuchfs filesystem"), "the verdict page says why");
        Commands.run("rm", "-rf", out.toString());
    }

    static String lastLine(String output) {
        List<String> lines = output.lines().toList();
        return lines.get(lines.size() - 1);
    }

    static String ruleStatus(JsonNode cell, String id) {
        for (JsonNode rule : cell.path("rules")) {
            if (rule.path("id").asText().equals(id)) {
                return rule.path("status").asText();
            }
        }
        return "absent";
    }

    @Test
    void withoutRootAutoModeRunsThePlainCheckAndSaysNoCellRan() throws Exception {
        assumeTrue(Commands.isRoot() && Commands.tool("runuser").isPresent(), "not run: needs root and runuser to become nobody");
        Path out = Files.createTempDirectory("odirect-nobody-");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
        // the checkout may sit in a directory only root can read
        Path jar = Files.copy(Path.of(JAR), out.resolve("odirect.jar"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Process matrix = new ProcessBuilder("runuser", "-u", "nobody", "--", JAVA, "-jar", jar.toString(), "matrix",
                "--out", out.resolve("m").toString()).redirectErrorStream(true).start();
        String output = new String(matrix.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(matrix.waitFor(5, TimeUnit.MINUTES));
        assertEquals(ExitStatus.NOT_PROVEN, matrix.exitValue(), output);
        assertTrue(output.contains("no cell ran: not root"), output);
        assertTrue(lastLine(output).startsWith("not proven: no cell ran (not root"), output);
        var json = new ObjectMapper().readTree(out.resolve("m/matrix.json").toFile());
        assertTrue(json.has("note"), json.toString());
        assertEquals("not-proven", json.path("verdict").asText());
        Commands.run("rm", "-rf", out.toString());
    }
}
