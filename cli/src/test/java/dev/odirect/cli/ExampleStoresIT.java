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
        assumeTrue(buildable, "not run: needs make, gcc, liburing-dev and libjansson-dev");
        Commands.run("make", "-C", example.toString());
        passesEveryRuleThatRuns(example.resolve("build/io-uring-store").toString());
    }

    @Test
    void xfsIoStore() throws Exception {
        assumeTrue(Commands.tool("xfs_io").isPresent() && Commands.tool("python3").isPresent(), "not run: needs xfs_io and python3");
        passesEveryRuleThatRuns("python3 " + ExampleMatrix.EXAMPLES.resolve("xfs-io-store/xfs_io_adapter.py"));
    }

    @Test
    void jdkDirectStoreLeavesItsTemporaryFilesAfterACrash() throws Exception {
        // the reactor builds it before cli
        Path jar = ExampleMatrix.EXAMPLES.resolve("jdk-direct-store/target/jdk-direct-store.jar");
        assumeTrue(Files.exists(jar), "not run: " + jar + " is not built (./mvnw -o -q package -pl examples/jdk-direct-store)");
        ExampleMatrix.Findings found = ExampleMatrix.run("java -jar " + jar, out);
        assertEquals(List.of("xfs: not-proven, warned CLEAN-3", "tmpfs: not-proven"), found.cells(), found.output());
        assertEquals(ExitStatus.NOT_PROVEN, found.exit(), found.output());
    }

    private void passesEveryRuleThatRuns(String adapter) throws Exception {
        ExampleMatrix.Findings found = ExampleMatrix.run(adapter, out);
        assertEquals(List.of("xfs: not-proven", "tmpfs: not-proven"), found.cells(), found.output());
        assertEquals(ExitStatus.NOT_PROVEN, found.exit(), found.output());
        assertTrue(found.output().lines().anyMatch(line -> line.matches("PASS +DURABLE-1 .*")), "the crash ran: " + found.output());
    }
}
