package dev.odirect.conformance.setup;

import java.util.Map;
import java.util.Optional;

/** The one map from the system tools the suite runs to the Debian and Ubuntu packages that provide them. */
public final class ToolPackages {
    private static final Map<String, String> PACKAGE_OF_TOOL = Map.ofEntries(
            Map.entry("mkfs.xfs", "xfsprogs"), Map.entry("xfs_io", "xfsprogs"), Map.entry("xfs_repair", "xfsprogs"),
            Map.entry("mkfs.btrfs", "btrfs-progs"), Map.entry("btrfs", "btrfs-progs"),
            Map.entry("mkfs.ext4", "e2fsprogs"), Map.entry("e2fsck", "e2fsprogs"),
            Map.entry("losetup", "util-linux"), Map.entry("findmnt", "util-linux"), Map.entry("fincore", "util-linux"),
            Map.entry("mount", "mount"), Map.entry("umount", "mount"),
            Map.entry("fio", "fio"),
            Map.entry("debootstrap", "debootstrap"), Map.entry("docker", "docker.io"));

    private ToolPackages() {
    }

    /** The package that installs {@code tool}, if it is one the suite knows. */
    public static Optional<String> packageOf(String tool) {
        return Optional.ofNullable(PACKAGE_OF_TOOL.get(tool));
    }

    /** "mkfs.xfs is not installed (apt-get install xfsprogs)": what a missing tool's reason says. */
    public static String notInstalled(String tool) {
        return tool + " is not installed (" + packageOf(tool).map(pkg -> "apt-get install " + pkg)
                .orElse("install the package that provides it") + ")";
    }
}
