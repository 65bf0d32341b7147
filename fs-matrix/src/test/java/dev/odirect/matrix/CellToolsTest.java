package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.conformance.setup.HostSystem;
import dev.odirect.conformance.setup.SetupPlan;
import dev.odirect.conformance.setup.ToolNeed;
import dev.odirect.conformance.verify.PageCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tools, and so which packages, the chosen cells take in each mode, and which cells need each. */
class CellToolsTest {
    private static final Map<String, Cell> CATALOG = CellCatalog.load(Optional.empty());
    private static final Optional<MatrixOptions.Mode> HOST = Optional.of(MatrixOptions.Mode.HOST);

    @TempDir
    Path bin;

    private static List<ToolNeed> host(MatrixOptions.CrashMode crash, String... cells) {
        return CellTools.forMatrix(List.of(cells).stream().map(CATALOG::get).toList(), HOST, crash);
    }

    private static List<String> tools(List<ToolNeed> needs, String subject) {
        return needs.stream().filter(need -> need.subject().equals(subject)).map(ToolNeed::tool).distinct().toList();
    }

    @Test
    void xfsCellsWithCrashStatesNeedMkfsAndTheCheckerOfXfs() {
        List<ToolNeed> needs = host(MatrixOptions.CrashMode.STATES, "xfs", "xfs-4k");
        assertEquals(List.of("mount", "findmnt", "losetup", "mkfs.xfs", "xfs_repair"), tools(needs, "xfs"));
        assertEquals(tools(needs, "xfs"), tools(needs, "xfs-4k"));
        assertTrue(needs.contains(PageCache.NEED), "DIRECT-1 and DIRECT-2 need fincore");
        assertFalse(needs.stream().anyMatch(need -> need.tool().equals(CellAvailability.SHUTDOWN_TOOL)),
                "crash states do not shut the filesystem down");
    }

    @Test
    void aShutdownCrashNeedsXfsIoAndBtrfsNeedsItsHoldersMkfs() {
        List<ToolNeed> needs = host(MatrixOptions.CrashMode.SHUTDOWN, "btrfs", "overlay", "tmpfs", "ext4-full");
        assertEquals(List.of("mount", "findmnt", "losetup", "mkfs.btrfs", "mkfs.ext4", "xfs_io"), tools(needs, "btrfs"));
        assertEquals(List.of("mount", "findmnt", "losetup", "mkfs.ext4", "xfs_io"), tools(needs, "overlay"));
        assertEquals(List.of("mount", "findmnt"), tools(needs, "tmpfs"));
        assertEquals(List.of("mount", "findmnt", "losetup", "mkfs.ext4"), tools(needs, "ext4-full"),
                "the full cell runs no crash rule");
    }

    @Test
    void anOverlaysCrashStatesAreCheckedByItsUpperLayersChecker() {
        assertEquals(List.of("mount", "findmnt", "losetup", "mkfs.ext4", "e2fsck"),
                tools(host(MatrixOptions.CrashMode.STATES, "overlay"), "overlay"));
    }

    @Test
    void containersNeedDockerAndDebootstrapUntilTheImageIsBuilt() {
        assertEquals(List.of("docker", "debootstrap"), CellTools.forContainers(false).stream().map(ToolNeed::tool).toList());
        assertEquals(List.of("docker"), CellTools.forContainers(true).stream().map(ToolNeed::tool).toList());
    }

    @Test
    void aNewDebianMachineGetsXfsprogsAndBtrfsProgsForTheDefaultMatrix() throws IOException {
        for (String present : List.of("apt-get", "mount", "findmnt", "losetup", "fincore", "mkfs.ext4", "e2fsck")) {
            Files.createFile(bin.resolve(present), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        HostSystem debian = new HostSystem(true, HostSystem.parseOsRelease("ID=debian\n"), List.of(bin));
        SetupPlan plan = SetupPlan.of(CellTools.forMatrix(List.copyOf(CATALOG.values()), HOST, MatrixOptions.CrashMode.STATES),
                debian);
        assertEquals(List.of("xfsprogs", "btrfs-progs"), plan.packages());
        assertEquals("xfsprogs (mkfs.xfs for cells xfs, xfs-4k; xfs_repair for the filesystem check of crash states in "
                + "cells xfs, xfs-4k), btrfs-progs (mkfs.btrfs for cells btrfs; btrfs for the filesystem check of crash "
                + "states in cells btrfs)", plan.describe());
    }
}
