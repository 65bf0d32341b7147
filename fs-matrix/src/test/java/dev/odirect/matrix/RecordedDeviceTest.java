package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.conformance.crash.CrashRecorders;
import dev.odirect.conformance.run.CheckReport;
import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.RuleResult;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.suite.SuiteSettings;
import dev.odirect.matrix.blocks.DeviceFaults;
import dev.odirect.store.testing.Leftovers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The block recorder itself: cells on it come and go without leaving a FUSE mount, a loop device or
 * a file, and a device whose flushes lie (answer ok, keep nothing) makes the correct reference
 * store fail DURABLE-1, which proves the checker catches acknowledged data that was lost.
 */
class RecordedDeviceTest {
    @TempDir
    Path work;

    @TempDir
    Path out;

    MountedCell recorded(String name, DeviceFaults faults) throws IOException {
        assumeTrue(HostCommands.isRoot(), "not run: the block recorder needs root");
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "not run: the block recorder needs /dev/fuse");
        Cell cell = CellCatalog.load(Optional.empty()).get(name);
        Optional<String> why = CellAvailability.whyNot(cell);
        assumeTrue(why.isEmpty(), why.map(reason -> "not run: " + reason).orElse(""));
        return HostProvisioner.provision(cell, work, Optional.of(new Recording(out, faults)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "xfs-4k", "btrfs", "overlay"})
    void aRecordedCellIsMadeAndTakenDownCompletely(String name) throws IOException {
        MountedCell mounted = recorded(name, DeviceFaults.NONE);
        try {
            assertTrue(mounted.recorder().isPresent(), "cell " + name + " is on the block recorder");
            Files.writeString(mounted.mountPoint().resolve("probe"), "x");
            assertTrue(HostCommands.run("findmnt", "-rn", "-t", "fuse", "-o", "TARGET").contains(work.toString()));
        } finally {
            mounted.close();
            Cleanup.unregister(mounted);
        }
        assertEquals("", Leftovers.underOnceSettled(work));
        try (var left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "no directory left");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "xfs"})
    void flushesThatLieLoseAcknowledgedObjectsAndDurable1SaysSo(String name) throws Exception {
        MountedCell mounted = recorded(name, new DeviceFaults(0, 0, true));
        String id = CrashRecorders.register(mounted.recorder().orElseThrow());
        try {
            SuiteSettings check = SuiteSettings.builder().dir(mounted.mountPoint()).seed(4L).out(out)
                    .rule(List.of("DURABLE-1")).cell(name).crashRecorder(Optional.of(id)).build();
            CheckReport report = CheckRunner.run(check, new PrintStream(new ByteArrayOutputStream()));
            RuleResult durable = report.results().stream().filter(result -> result.id().equals("DURABLE-1"))
                    .findFirst().orElseThrow();
            assertEquals(RuleStatus.FAILED, durable.status(), durable.message());
            assertTrue(durable.message().contains("acknowledged by #"), durable.message());
        } finally {
            CrashRecorders.unregister(id);
            mounted.close();
            Cleanup.unregister(mounted);
        }
    }
}
