package dev.odirect.matrix;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Every mounted cell of this process, taken down by a shutdown hook if the run ends early
 * (Ctrl-C, a kill, an error nobody caught): no loop device, mount or image is left behind.
 */
final class Cleanup {
    private static final Set<MountedCell> ACTIVE = new LinkedHashSet<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::closeAll, "odirect-matrix-cleanup"));
    }

    private Cleanup() {
    }

    static synchronized void register(MountedCell cell) {
        ACTIVE.add(cell);
    }

    static synchronized void unregister(MountedCell cell) {
        ACTIVE.remove(cell);
    }

    static synchronized void closeAll() {
        for (MountedCell cell : ACTIVE) {
            try {
                cell.close();
            } catch (IOException e) {
                System.err.println("odirect matrix: cleanup of cell " + cell.cell().name() + " failed: " + e.getMessage()
                        + " (check 'losetup -a' and 'findmnt')");
            }
        }
        ACTIVE.clear();
    }
}
