package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.store.testing.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example stores of examples/ (see their READMEs and docs/stores.md), each built and run through
 * {@code odirect matrix --cells xfs,tmpfs --crash shutdown}: every cell's verdict and the rules that
 * failed or warned there are what was found. ERROR-1 (no ext4-full cell in the run) and ERROR-3 (no
 * recorded device with --crash shutdown) do not run, so a correct store is not proven: exit 3.
 */
class ExampleStoresIT {
    @TempDir
    Path out;

    @BeforeEach
    void needsTheCells() {
        assumeTrue(Commands.isRoot() && Files.exists(Path.of("/dev/loop-control")) && Commands.tool("mkfs.xfs").isPresent(),
                "not run: needs root, loop devices and mkfs.xfs");
    }

    @Test
    void ioUringStore() throws Exception {
        Path example = ExampleMatrix.EXAMPLES.resolve("io-uring-store");
        boolean buildable = Commands.tool("make").isPresent() && Commands.tool("gcc").isPresent()
                && Files.exists(Path.of("/usr/include/liburing.h")) && Files.exists(Path.of("/usr/include/jansson.h"));
        providedInCi(buildable, "make, gcc, liburing-dev and libjansson-dev");
        Commands.run("make", "-C", example.toString());
        passesEveryRuleThatRuns(example.resolve("build/io-uring-store").toString());
    }

    @Test
    void xfsIoStore() throws Exception {
        providedInCi(Commands.tool("xfs_io").isPresent() && Commands.tool("python3").isPresent(), "xfs_io and python3");
        passesEveryRuleThatRuns("python3 " + ExampleMatrix.EXAMPLES.resolve("xfs-io-store/xfs_io_adapter.py"));
    }

    @Test
    void jdkDirectStoreLeavesItsTemporaryFilesAfterACrash() throws Exception {
        // the reactor builds it before cli
        Path jar = ExampleMatrix.EXAMPLES.resolve("jdk-direct-store/target/jdk-direct-store.jar");
        providedInCi(Files.exists(jar), jar + ", built by ./mvnw package -pl examples/jdk-direct-store");
        ExampleMatrix.Findings found = ExampleMatrix.run("java -jar " + jar, out);
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

    private void passesEveryRuleThatRuns(String adapter) throws Exception {
        ExampleMatrix.Findings found = ExampleMatrix.run(adapter, out);
        assertEquals(List.of("xfs: not-proven", "tmpfs: not-proven"), found.cells(), found.output());
        assertEquals(ExitStatus.NOT_PROVEN, found.exit(), found.output());
        assertTrue(found.output().lines().anyMatch(line -> line.matches("PASS +DURABLE-1 .*")), "the crash ran: " + found.output());
    }
}
