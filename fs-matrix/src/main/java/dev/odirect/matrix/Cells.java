package dev.odirect.matrix;

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

    /** Takes a mounted cell down and forgets it. */
    public static void release(MountedCell mounted) throws IOException {
        try {
            mounted.close();
        } finally {
            Cleanup.unregister(mounted);
        }
    }

    public static Map<String, Object> facts(MountedCell mounted) throws IOException {
        return CellFacts.of(mounted);
    }
}
