package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.store.testing.Commands;
import dev.odirect.store.testing.CiProvides;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example stores of examples/ (see their READMEs and docs/stores.md), each built and run through
 * {@code odirect matrix --cells xfs,tmpfs --crash shutdown}: every cell's verdict and the rules that
 * failed or warned there are what was found. ERROR-1 (no ext4-full cell in the run) and ERROR-3 (no
 * recorded device with --crash shutdown) do not run, so a correct store is not proven (exit 3) unless
 * its README waives them, as the tokio store's does. The s3dlio note's store on tokio loses
 * acknowledged streams on xfs (tokio's unaligned buffer, the lost EINVAL) and passes on tmpfs, as the
 * note says; the note's Option A fix passes on both. All the matrices run at once, each on its own
 * loop device and tmpfs: the test takes about the longest one's time, not the sum.
 */
/*
 * The longest ITs go to the two ends of the class order (@Order): of JUnit's two workers one starts with the first
 * class and the other with the last, so the longest start at once instead of one after the shorter ones.
 */
@Order(1)
class ExampleStoresIT {
    static final Path IO_URING = ExampleMatrix.EXAMPLES.resolve("io-uring-store");
    static final Path XFS_IO_ADAPTER = ExampleMatrix.EXAMPLES.resolve("xfs-io-store/xfs_io_adapter.py");
    /** The reactor builds it before cli. */
    static final Path JDK_JAR = ExampleMatrix.EXAMPLES.resolve("jdk-direct-store/target/jdk-direct-store.jar");
    static final Path TOKIO = ExampleMatrix.EXAMPLES.resolve("tokio-store");
    static final Path DEBIAN_CRATES = Path.of("/usr/share/cargo/registry");
    static final String TOKIO_PACKAGES = "cargo rustc librust-tokio-dev librust-libc-dev librust-serde-json-dev "
            + "librust-serde-dev librust-base64-dev";
    /** The tokio store README's options: its cells are proven with the rules this mode cannot run waived. */
    static final String[] TOKIO_OPTIONS = {"--profile", "quick", "--waive", "ERROR-1,ERROR-3", "--seed", "1"};
    private static final Map<String, CompletableFuture<ExampleMatrix.Findings>> RUNS = new HashMap<>();

    @TempDir
    static Path out;

    static boolean cellsCanBeMade() {
        return Commands.isRoot() && Files.exists(Path.of("/dev/loop-control")) && Commands.tool("mkfs.xfs").isPresent();
    }

    static boolean ioUringBuildable() {
        return Commands.tool("make").isPresent() && Commands.tool("gcc").isPresent()
                && Files.exists(Path.of("/usr/include/liburing.h")) && Files.exists(Path.of("/usr/include/jansson.h"));
    }

    static boolean xfsIoPresent() {
        return Commands.tool("xfs_io").isPresent() && Commands.tool("python3").isPresent();
    }

    @BeforeAll
    static void startTheMatrices() throws IOException {
        if (!cellsCanBeMade()) {
            return;
        }
        if (ioUringBuildable()) {
            Commands.run("make", "-C", IO_URING.toString());
            start("io-uring-store", IO_URING.resolve("build/io-uring-store").toString());
        }
        if (xfsIoPresent()) {
            start("xfs-io-store", "python3 " + XFS_IO_ADAPTER);
        }
        if (Files.exists(JDK_JAR)) {
            start("jdk-direct-store", "java -jar " + JDK_JAR);
        }
        if (tokioBuildable()) {
            // built while the others run; its two matrices then join them
            Path binaries = buildTokio();
            for (String store : List.of("tokio-seed-store", "tokio-fixed-store")) {
                RUNS.put(store, ExampleMatrix.start(binaries.resolve(store).toString(), out.resolve(store), TOKIO_OPTIONS));
            }
        }
    }

    static boolean tokioBuildable() throws IOException {
        if (Commands.tool("cargo").isEmpty() || !Files.isDirectory(DEBIAN_CRATES)) {
            return false;
        }
        try (var crates = Files.list(DEBIAN_CRATES)) {
            return crates.anyMatch(crate -> crate.getFileName().toString().startsWith("tokio-1."));
        }
    }

    /** Both adapters, offline (the crate's .cargo/config.toml), with Debian's rustc where it is installed. */
    private static Path buildTokio() throws IOException {
        ProcessBuilder build = new ProcessBuilder(Commands.tool("cargo").orElseThrow().toString(), "build", "--release",
                "--offline").directory(TOKIO.toFile()).redirectErrorStream(true);
        Commands.tool("rustc").ifPresent(rustc -> build.environment().put("RUSTC", rustc.toString()));
        Process cargo = build.start();
        String output = new String(cargo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, cargo.waitFor(), "cargo build in " + TOKIO + ":\n" + output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while cargo built " + TOKIO, e);
        }
        return TOKIO.resolve("target/release");
    }

    private static void start(String store, String adapter) throws IOException {
        RUNS.put(store, ExampleMatrix.start(adapter, out.resolve(store)));
    }

    @BeforeEach
    void needsTheCells() {
        assumeTrue(cellsCanBeMade(), "not run: needs root, loop devices and mkfs.xfs");
    }

    @Test
    void ioUringStore() throws Exception {
        CiProvides.require(ioUringBuildable(), "make, gcc, liburing-dev and libjansson-dev");
        passesEveryRuleThatRuns(RUNS.get("io-uring-store").get());
    }

    @Test
    void xfsIoStore() throws Exception {
        CiProvides.require(xfsIoPresent(), "xfs_io and python3");
        passesEveryRuleThatRuns(RUNS.get("xfs-io-store").get());
    }

    @Test
    void jdkDirectStoreLeavesItsTemporaryFilesAfterACrash() throws Exception {
        CiProvides.require(Files.exists(JDK_JAR), JDK_JAR + ", built by ./mvnw package -pl examples/jdk-direct-store");
        ExampleMatrix.Findings found = RUNS.get("jdk-direct-store").get();
        assertEquals(List.of("xfs: not-proven, warned CLEAN-3", "tmpfs: not-proven"), found.cells(), found.output());
        assertEquals(ExitStatus.NOT_PROVEN, found.exit(), found.output());
    }

    @Test
    void theTokioSeedStoreLosesStreamsOnXfsAndPassesOnTmpfs() throws Exception {
        CiProvides.require(tokioBuildable(), "cargo and Debian's packaged crates (apt-get install " + TOKIO_PACKAGES + ")");
        ExampleMatrix.Findings seed = RUNS.get("tokio-seed-store").get();
        assertEquals(ExitStatus.MUST_FAILED, seed.exit(), seed.output());
        JsonNode xfs = seed.cell("xfs");
        assertEquals("failed", xfs.path("status").asText(), seed.output());
        List<String> failed = ExampleMatrix.rules(xfs, "failed");
        assertTrue(failed.containsAll(List.of("STREAM-1", "STREAM-2", "SIZE-1")), "the note's streams fail on xfs: " + failed);
        String stream = ExampleMatrix.rule(xfs, "STREAM-2", "reason");
        assertTrue(stream.matches("(?s).*(\\d+ B acknowledged, \\d+ B on disk|expected \\d+ bytes, found \\d+ bytes|EINVAL).*"),
                "short files after an acknowledged stream, or tokio's late EINVAL: " + stream);
        assertEquals("passed", ExampleMatrix.rule(xfs, "PUT-1", "status"), "the seed's single-shot puts are right, as the note says");
        assertEquals("passed", seed.cell("tmpfs").path("status").asText(), "tmpfs hides the bug: " + seed.output());
    }

    @Test
    void theTokioOptionAFixPassesOnXfsAndTmpfs() throws Exception {
        CiProvides.require(tokioBuildable(), "cargo and Debian's packaged crates (apt-get install " + TOKIO_PACKAGES + ")");
        ExampleMatrix.Findings fixed = RUNS.get("tokio-fixed-store").get();
        assertEquals(List.of("xfs: passed", "tmpfs: passed"), fixed.cells(), fixed.output());
        assertEquals(ExitStatus.PROVEN, fixed.exit(), fixed.output());
        assertEquals("passed", ExampleMatrix.rule(fixed.cell("xfs"), "DURABLE-1", "status"), "the crash rule ran");
    }

    private static void passesEveryRuleThatRuns(ExampleMatrix.Findings found) {
        assertEquals(List.of("xfs: not-proven", "tmpfs: not-proven"), found.cells(), found.output());
        assertEquals(ExitStatus.NOT_PROVEN, found.exit(), found.output());
        assertTrue(found.output().lines().anyMatch(line -> line.matches("PASS +DURABLE-1 .*")), "the crash ran: " + found.output());
    }
}
