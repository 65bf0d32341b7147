package dev.odirect.matrix;

import java.io.InterruptedIOException;
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
    /** The thread taking everything down, once it started: any other thread's new mount or device is refused. */
    private static volatile Thread closing;

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

    /**
     * Called before a tool runs or a directory is made: the run's own thread goes on while the hook
     * takes the cells down, and what it made after that would stay behind.
     */
    static void refuseWhileClosing(String what) throws InterruptedIOException {
        Thread closer = closing;
        if (closer != null && closer != Thread.currentThread()) {
            throw new InterruptedIOException("the run is stopping: not starting " + what);
        }
    }

    /** Newest first: a container before the loop device it was given. */
    static synchronized void closeAll() {
        closing = Thread.currentThread();
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
