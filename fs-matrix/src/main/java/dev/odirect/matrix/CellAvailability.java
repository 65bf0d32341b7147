package dev.odirect.matrix;

import dev.odirect.conformance.setup.ToolPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether this machine can make a cell, and if not, the reason in words a person can act on (xfstests' "not run"). */
final class CellAvailability {
    /** The tool that shuts a filesystem down for --crash shutdown (FS_IOC_SHUTDOWN). */
    static final String SHUTDOWN_TOOL = "xfs_io";

    private CellAvailability() {
    }

    static Optional<String> whyNot(Cell cell) {
        if (!HostCommands.isRoot()) {
            return Optional.of("needs root to mount filesystems (run as root, or use --mode containers)");
        }
        if (!kernelHas(cell.fs())) {
            return Optional.of("the kernel has no " + cell.fs() + " filesystem (not in /proc/filesystems)");
        }
        return switch (cell.kind()) {
            case TMPFS -> Optional.empty();
            case OVERLAY -> cell.upper().flatMap(CellAvailability::whyNot).map(why -> "its upper layer's cell: " + why);
            case LOOP -> loop(cell).or(() -> cell.holder().flatMap(CellAvailability::whyNot)
                    .map(why -> "its holder's cell: " + why));
        };
    }

    private static Optional<String> loop(Cell cell) {
        if (!Files.exists(Path.of("/dev/loop-control"))) {
            return Optional.of("no loop devices (/dev/loop-control is missing; modprobe loop)");
        }
        if (HostCommands.tool("losetup").isEmpty()) {
            return Optional.of(ToolPackages.notInstalled("losetup"));
        }
        if (HostCommands.tool("mkfs." + cell.fs()).isEmpty()) {
            return Optional.of(ToolPackages.notInstalled("mkfs." + cell.fs()));
        }
        return Optional.empty();
    }

    /** Why the crash rule cannot run in a cell that is otherwise available. */
    static Optional<String> whyNoCrash(Cell cell) {
        if (!cell.crash()) {
            return Optional.of(cell.crashReason());
        }
        if (HostCommands.tool(SHUTDOWN_TOOL).isEmpty()) {
            return Optional.of(ToolPackages.notInstalled(SHUTDOWN_TOOL) + ", so the filesystem cannot be shut down");
        }
        return Optional.empty();
    }

    private static boolean kernelHas(String fs) {
        try {
            return Files.readAllLines(Path.of("/proc/filesystems")).stream()
                    .anyMatch(line -> line.endsWith("\t" + fs) || line.trim().equals(fs));
        } catch (IOException unreadable) {
            return true;
        }
    }
}
