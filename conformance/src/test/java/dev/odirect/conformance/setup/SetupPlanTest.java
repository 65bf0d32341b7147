package dev.odirect.conformance.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which packages a run's missing tools come from, and what is said or done about them on which host. */
class SetupPlanTest {
    private static final Map<String, String> DEBIAN = HostSystem.parseOsRelease("ID=debian\nVERSION_ID=\"12\"\n");
    private static final List<ToolNeed> XFS_AND_BTRFS_CELLS = List.of(
            new ToolNeed("losetup", "cells", "xfs"), new ToolNeed("mkfs.xfs", "cells", "xfs"),
            new ToolNeed("mkfs.xfs", "cells", "xfs-4k"), new ToolNeed("mkfs.btrfs", "cells", "btrfs"),
            new ToolNeed("xfs_repair", "the filesystem check of crash states in cells", "xfs"));

    @TempDir
    Path bin;

    /** A PATH directory holding exactly these tools (empty scripts: only their presence is looked at). */
    private List<Path> pathWith(String... tools) throws IOException {
        for (String tool : tools) {
            Files.createFile(bin.resolve(tool), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        return List.of(bin);
    }

    @Test
    void asRootOnDebianTheMissingToolsPackagesAreInstalledWithApt() throws IOException {
        SetupPlan plan = SetupPlan.of(XFS_AND_BTRFS_CELLS, new HostSystem(true, DEBIAN, pathWith("apt-get", "losetup")));
        assertEquals(List.of("xfsprogs", "btrfs-progs"), plan.packages());
        assertEquals(Optional.empty(), plan.whyNotInstalling(false));
        assertEquals(List.of("apt-get", "install", "-y", "--no-install-recommends", "xfsprogs", "btrfs-progs"),
                plan.installCommand());
        assertEquals("xfsprogs (mkfs.xfs for cells xfs, xfs-4k; xfs_repair for the filesystem check of crash states "
                + "in cells xfs), btrfs-progs (mkfs.btrfs for cells btrfs)", plan.describe());
    }

    @Test
    void noInstallPrintsTheCommandAndTheCellsThatWaitForIt() throws IOException {
        HostSystem host = new HostSystem(true, DEBIAN, pathWith("apt-get", "losetup"));
        String printed = provided(XFS_AND_BTRFS_CELLS, true, host);
        assertEquals("""
                odirect matrix: missing xfsprogs (mkfs.xfs for cells xfs, xfs-4k; xfs_repair for the filesystem check \
                of crash states in cells xfs), btrfs-progs (mkfs.btrfs for cells btrfs); not installing them (--no-install)
                odirect matrix:   to install them, run: apt-get install -y --no-install-recommends xfsprogs btrfs-progs
                """, printed);
    }

    @Test
    void withoutRootTheCommandIsPrintedWithSudo() throws IOException {
        HostSystem host = new HostSystem(false, DEBIAN, pathWith("apt-get"));
        SetupPlan plan = SetupPlan.of(XFS_AND_BTRFS_CELLS, host);
        assertEquals(Optional.of("not root"), plan.whyNotInstalling(false));
        String printed = provided(XFS_AND_BTRFS_CELLS, false, host);
        assertTrue(printed.contains("not installing them (not root)"), printed);
        assertTrue(printed.contains("run: sudo apt-get install -y --no-install-recommends util-linux xfsprogs btrfs-progs"),
                printed);
    }

    @Test
    void elsewhereTheToolsAreNamedForTheSystemsOwnPackageManager() throws IOException {
        HostSystem fedora = new HostSystem(true, HostSystem.parseOsRelease("ID=fedora\nID_LIKE=\"rhel centos\"\n"),
                pathWith("losetup"));
        SetupPlan plan = SetupPlan.of(XFS_AND_BTRFS_CELLS, fedora);
        assertEquals(Optional.of("this is fedora, not Debian or Ubuntu"), plan.whyNotInstalling(false));
        assertEquals(List.of("missing " + plan.describe() + "; not installing them (this is fedora, not Debian or Ubuntu)",
                "  install mkfs.xfs, xfs_repair, mkfs.btrfs with this system's package manager "
                        + "(Debian's packages: xfsprogs btrfs-progs)"), plan.advice("this is fedora, not Debian or Ubuntu"));
        assertEquals(Optional.of("this is an unknown system, not Debian or Ubuntu"),
                SetupPlan.of(XFS_AND_BTRFS_CELLS, new HostSystem(true, Map.of(), List.of(bin))).whyNotInstalling(false));
    }

    @Test
    void aSystemLikeUbuntuIsServedByAptAndOneWithoutAptGetIsNot() throws IOException {
        Map<String, String> mint = HostSystem.parseOsRelease("NAME=\"Linux Mint\"\nID=linuxmint\nID_LIKE='ubuntu debian'\n");
        assertEquals("ubuntu debian", mint.get("ID_LIKE"));
        assertTrue(new HostSystem(true, mint, List.of()).debianLike());
        assertFalse(new HostSystem(true, HostSystem.parseOsRelease("ID=arch\n"), List.of()).debianLike());
        SetupPlan noApt = SetupPlan.of(XFS_AND_BTRFS_CELLS, new HostSystem(true, mint, pathWith("losetup")));
        assertEquals(Optional.of("apt-get is not installed"), noApt.whyNotInstalling(false));
    }

    @Test
    void aToolNoPackageProvidesIsLeftToThePerson() throws IOException {
        HostSystem host = new HostSystem(true, DEBIAN, pathWith("apt-get"));
        List<ToolNeed> f2fs = List.of(new ToolNeed("mkfs.f2fs", "cells", "f2fs"));
        SetupPlan plan = SetupPlan.of(f2fs, host);
        assertFalse(plan.complete());
        assertEquals(List.of(), plan.packages());
        assertEquals("odirect matrix: missing mkfs.f2fs for cells f2fs: no known package provides it; "
                + "install mkfs.f2fs yourself\n", provided(f2fs, false, host));
    }

    @Test
    void nothingIsSaidWhenEveryToolIsThere() throws IOException {
        HostSystem host = new HostSystem(true, DEBIAN, pathWith("losetup", "mkfs.xfs", "mkfs.btrfs", "xfs_repair"));
        assertTrue(SetupPlan.of(XFS_AND_BTRFS_CELLS, host).complete());
        assertEquals("", provided(XFS_AND_BTRFS_CELLS, false, host));
    }

    @Test
    void aMissingToolsReasonNamesItsPackage() {
        assertEquals("mkfs.xfs is not installed (apt-get install xfsprogs)", ToolPackages.notInstalled("mkfs.xfs"));
        assertEquals("mkfs.f2fs is not installed (install the package that provides it)",
                ToolPackages.notInstalled("mkfs.f2fs"));
    }

    private static String provided(List<ToolNeed> needs, boolean noInstall, HostSystem host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostSetup.provide("odirect matrix", needs, noInstall, host, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
