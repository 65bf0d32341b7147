package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.store.testing.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example stores of examples/ (see their READMEs and docs/stores.md), each built and run through
 * {@code odirect matrix --cells xfs,tmpfs --crash shutdown}: every cell's verdict and the rules that
 * failed or warned there are what was found. ERROR-1 (no ext4-full cell in the run) and ERROR-3 (no
 * recorded device with --crash shutdown) do not run, so a correct store is not proven: exit 3.
 * The three matrices run at once, each on its own loop device and tmpfs: the test takes about the
 * longest one's time, not the sum.
 */
class ExampleStoresIT {
    static final Path IO_URING = ExampleMatrix.EXAMPLES.resolve("io-uring-store");
    static final Path XFS_IO_ADAPTER = ExampleMatrix.EXAMPLES.resolve("xfs-io-store/xfs_io_adapter.py");
    /** The reactor builds it before cli. */
    static final Path JDK_JAR = ExampleMatrix.EXAMPLES.resolve("jdk-direct-store/target/jdk-direct-store.jar");
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
        providedInCi(ioUringBuildable(), "make, gcc, liburing-dev and libjansson-dev");
        passesEveryRuleThatRuns(RUNS.get("io-uring-store").get());
    }

    @Test
    void xfsIoStore() throws Exception {
        providedInCi(xfsIoPresent(), "xfs_io and python3");
        passesEveryRuleThatRuns(RUNS.get("xfs-io-store").get());
    }

    @Test
    void jdkDirectStoreLeavesItsTemporaryFilesAfterACrash() throws Exception {
        providedInCi(Files.exists(JDK_JAR), JDK_JAR + ", built by ./mvnw package -pl examples/jdk-direct-store");
        ExampleMatrix.Findings found = RUNS.get("jdk-direct-store").get();
        assertEquals(List.of("xfs: not-proven, warned CLEAN-3", "tmpfs: not-proven"), found.cells(), found.output());
        assertEquals(ExitStatus.NOT_PROVEN, found.exit(), found.output());
    }

    /** CI installs and builds everything (.ci/run, the reactor): there a missing piece is a failure. */
    private static void providedInCi(boolean present, String what) {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(present, "CI must provide " + what);
        }
        assumeTrue(present, "not run: needs " + what);
    }

    private static void passesEveryRuleThatRuns(ExampleMatrix.Findings found) {
        assertEquals(List.of("xfs: not-proven", "tmpfs: not-proven"), found.cells(), found.output());
        assertEquals(ExitStatus.NOT_PROVEN, found.exit(), found.output());
        assertTrue(found.output().lines().anyMatch(line -> line.matches("PASS +DURABLE-1 .*")), "the crash ran: " + found.output());
    }
}
