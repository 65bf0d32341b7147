package dev.odirect.matrix;

import dev.odirect.conformance.crash.StateVerdict;
import dev.odirect.matrix.blocks.StatePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Mounts one crash state of a cell's filesystem (a file the block recorder serves) on a loop
 * device with the cell's sector size, lets the check read it, unmounts it and runs the
 * filesystem's own checker on what mounting recovered.
 */
final class StateMounter {
    /** The filesystems' own read-only checkers, run on a state after mount and unmount replayed its journal. */
    static final Map<String, List<String>> FSCK = Map.of(
            "ext4", List.of("e2fsck", "-f", "-n"),
            "xfs", List.of("xfs_repair", "-n"),
            "btrfs", List.of("btrfs", "check", "--readonly"));

    /**
     * What became of one state.
     *
     * @param mountError  why the kernel could not mount it (then there is no verdict)
     * @param fsckProblem the filesystem checker's complaint about it
     */
    record Outcome(StateVerdict verdict, Optional<String> mountError, Optional<String> fsckProblem) {
    }

    private final Cell cell;
    private final Path mountPoint;
    /** The loop device of the state being checked, while there is one (for {@link #abandon()}). */
    private volatile String attached = "";
    private volatile Path attachedFile = Path.of("");

    StateMounter(Cell cell, Path mountPoint) {
        this.cell = cell;
        this.mountPoint = mountPoint;
    }

    /** The loop device's logical sector size. */
    int sector() {
        return cell.sector();
    }

    Outcome check(Path file, Function<Path, StateVerdict> check) throws IOException {
        if (cell.fs().equals("btrfs")) {
            // btrfs remembers devices by filesystem id: an earlier state's device, scanned under another
            // loop name with another generation, would make it refuse this one
            try {
                HostCommands.run("btrfs", "device", "scan", "--forget");
            } catch (IOException olderProgs) {
                // without --forget the mount may still work; a refusal is reported as the state's mount error
            }
        }
        String device = attach(file);
        try {
            Optional<String> refused = mount(device);
            if (refused.isPresent()) {
                return new Outcome(null, refused, Optional.empty());
            }
            StateVerdict verdict;
            try {
                verdict = check.apply(mountPoint);
            } catch (RuntimeException unreadable) {
                verdict = StateVerdict.unreadable(unreadable.toString());
            } finally {
                HostProvisioner.unmount(mountPoint);
            }
            return new Outcome(verdict, Optional.empty(), fsck(device));
        } finally {
            HostCommands.run("losetup", "-d", device);
            LoopDevices.release(device);
            attached = "";
        }
    }

    /*
     * attach, mount and abandon hold this object's lock: the Ctrl-C hook's abandon() waits for a mount the run's
     * thread already started, instead of looking before it completes and leaving it mounted.
     */
    private synchronized String attach(Path file) throws IOException {
        String device = LoopDevices.attachImage(file, cell.sector());
        attached = device;
        attachedFile = file;
        return device;
    }

    /** Mounts the state; the mount's refusal, if it refused. */
    private synchronized Optional<String> mount(String device) throws IOException {
        try {
            HostCommands.run(HostProvisioner.mountCommand(cell.fs(), options(), device, mountPoint));
            return Optional.empty();
        } catch (IOException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** Takes down a state left mounted by an exploration that was stopped (Ctrl-C), before the FUSE server goes. */
    synchronized void abandon() throws IOException {
        String device = attached;
        Path file = attachedFile;
        HostProvisioner.unmountIfMounted(mountPoint);
        if (!device.isEmpty() && HostCommands.attachedTo(device).equals(Optional.of(file))) {
            HostCommands.run("losetup", "-d", device);
        }
    }

    /** xfs refuses a second filesystem with the same UUID in one boot's memory of mounts without nouuid. */
    private String options() {
        List<String> options = new ArrayList<>();
        if (!cell.mount().isEmpty()) {
            options.add(cell.mount());
        }
        if (cell.fs().equals("xfs")) {
            options.add("nouuid");
        }
        return String.join(",", options);
    }

    private Optional<String> fsck(String device) {
        List<String> command = FSCK.get(cell.fs());
        if (command == null || HostCommands.tool(command.get(0)).isEmpty()) {
            return Optional.empty();
        }
        List<String> line = new ArrayList<>(command);
        line.add(device);
        try {
            HostCommands.run(line);
            return Optional.empty();
        } catch (IOException damaged) {
            return Optional.of(damaged.getMessage().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
        }
    }

    /** The command that mounts this state again from the kept log, for a person to look at. */
    String replayCommand(Path log, StatePlan plan) {
        return "odirect crash-state --log " + log + " --fs " + cell.fs() + " --sector " + cell.sector()
                + " --size " + cell.size() + (cell.mount().isEmpty() ? "" : " --options " + cell.mount())
                + " --state " + plan.spec() + " --mount /mnt/state";
    }
}
