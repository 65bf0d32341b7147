package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.store.testing.Leftovers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Cells come and go without leaving a loop device, a mount or an image, also when making one fails. */
class ProvisioningCleanupTest {
    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"xfs-4k", "ext4-journal", "tmpfs", "overlay", "btrfs"})
    void aCellIsMadeAndTakenDownCompletely(String name) throws IOException {
        Cell cell = CellCatalog.load(Optional.empty()).get(name);
        Optional<String> why = CellAvailability.whyNot(cell);
        assumeTrue(why.isEmpty(), why.map(reason -> "not run: " + reason).orElse(""));
        MountedCell mounted = HostProvisioner.provision(cell, work);
        try {
            Files.writeString(mounted.mountPoint().resolve("probe"), "x");
            assertFalse(Leftovers.under(work).isEmpty(), "the cell is mounted under " + work);
        } finally {
            mounted.close();
            Cleanup.unregister(mounted);
        }
        assertEquals("", Leftovers.underOnceSettled(work));
        try (var left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "no image or directory left");
        }
    }

    @Test
    void aFailingMkfsLeavesNothingBehind() throws IOException {
        Cell xfs = CellCatalog.load(Optional.empty()).get("xfs");
        assumeTrue(CellAvailability.whyNot(xfs).isEmpty(), "not run: " + CellAvailability.whyNot(xfs).orElse(""));
        Cell broken = new Cell("broken", "xfs", Cell.Kind.LOOP, List.of("--no-such-option"), "", 512, 320L << 20,
                false, "", Optional.empty(), Optional.empty(), false, List.of(), Map.of(), List.of());
        IOException failed = assertThrows(IOException.class, () -> HostProvisioner.provision(broken, work));
        assertTrue(failed.getMessage().contains("mkfs.xfs"), failed.getMessage());
        assertEquals("", Leftovers.underOnceSettled(work));
        try (var left = Files.list(work)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void cellsThatCannotRunHereSayWhy() {
        Map<String, Cell> cells = CellCatalog.load(Optional.empty());
        Cell imaginary = new Cell("zfs", "zfs", Cell.Kind.LOOP, List.of(), "", 512, 1L << 28, false, "", Optional.empty(),
                Optional.empty(), false, List.of(), Map.of(), List.of());
        assertTrue(CellAvailability.whyNot(imaginary).orElseThrow().contains("zfs"));
        assertTrue(cells.containsKey("btrfs"));
    }

    @Test
    void emptyDirectoriesLeftInAWorkDirectoryGoAndFilesStay() throws IOException {
        Files.createDirectories(work.resolve("xfs/state/41"));
        Files.createDirectories(work.resolve("ext4/mnt"));
        Files.createDirectories(work.resolve("ext4/kept"));
        Files.writeString(work.resolve("ext4/kept/evidence.log"), "x");
        MountedCell.deleteEmptyDirectories(work);
        try (var left = Files.walk(work)) {
            assertEquals(List.of(work, work.resolve("ext4"), work.resolve("ext4/kept"), work.resolve("ext4/kept/evidence.log")),
                    left.sorted().toList());
        }
        Files.delete(work.resolve("ext4/kept/evidence.log"));
        MountedCell.deleteEmptyDirectories(work);
        assertFalse(Files.exists(work), "an empty work directory goes too");
    }
}
