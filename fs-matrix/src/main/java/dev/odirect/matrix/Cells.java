package dev.odirect.matrix;

import dev.odirect.matrix.blocks.DeviceFaults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The cells for other tools (the benchmarks): look them up, ask whether they can run here, mount them. */
public final class Cells {
    private Cells() {
    }

    public static Map<String, Cell> catalog(Optional<Path> cellsFile) {
        return CellCatalog.load(cellsFile);
    }

    /** Why this machine cannot make the cell, or empty. */
    public static Optional<String> whyNot(Cell cell) {
        return CellAvailability.whyNot(cell);
    }

    /** Makes and mounts the cell under {@code work}; close the result to take it down again. */
    public static MountedCell mount(Cell cell, Path work) throws IOException {
        return HostProvisioner.provision(cell, work);
    }

    /** The same cell on the block recorder (every write and flush logged under {@code work}), to measure its cost. */
    public static MountedCell mountRecorded(Cell cell, Path work) throws IOException {
        return HostProvisioner.provision(cell, work, Optional.of(new Recording(work.resolve("block-logs"),
                DeviceFaults.NONE)));
    }

    /** Takes a mounted cell down and forgets it (and its block log, if it was recorded). */
    public static void release(MountedCell mounted) throws IOException {
        try {
            mounted.close();
        } finally {
            Cleanup.unregister(mounted);
            mounted.recorder().ifPresent(RecordedCell::discardLogUnlessFailing);
        }
    }

    /**
     * Makes the cell's loop device read and write its image with direct I/O, so the device under the
     * filesystem is the host's disk, with its queue, rather than the host's page cache. Says what it did:
     * {@code "on"}, or why the device stays cached (no loop device, or the image's filesystem refuses).
     */
    public static String bypassHostCache(MountedCell mounted) {
        if (mounted.device().isEmpty()) {
            return "off: the cell has no loop device";
        }
        try {
            HostCommands.run("losetup", "--direct-io=on", mounted.device().get());
            return "on";
        } catch (IOException refused) {
            return "off: " + refused.getMessage();
        }
    }

    public static Map<String, Object> facts(MountedCell mounted) throws IOException {
        return CellFacts.of(mounted);
    }
}
