package dev.odirect.matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything of this process that holds a mount, a loop device or a container, taken down by a
 * shutdown hook if the run ends early (Ctrl-C, a kill, an error nobody caught): nothing is left behind.
 */
final class Cleanup {
    private static final Set<AutoCloseable> ACTIVE = new LinkedHashSet<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::closeAll, "odirect-matrix-cleanup"));
    }

    private Cleanup() {
    }

    static synchronized void register(AutoCloseable resource) {
        ACTIVE.add(resource);
    }

    static synchronized void unregister(AutoCloseable resource) {
        ACTIVE.remove(resource);
    }

    /** Newest first: a container before the loop device it was given. */
    static synchronized void closeAll() {
        List<AutoCloseable> newestFirst = new ArrayList<>(ACTIVE);
        Collections.reverse(newestFirst);
        for (AutoCloseable resource : newestFirst) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("odirect matrix: cleanup of " + resource + " failed: " + e.getMessage()
                        + " (check 'losetup -a', 'findmnt' and 'docker ps')");
            }
        }
        ACTIVE.clear();
    }
}
