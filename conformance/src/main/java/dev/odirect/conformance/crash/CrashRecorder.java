package dev.odirect.conformance.crash;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A filesystem whose device records every write and flush (the fs-matrix's block recorder): the
 * rules mark their history in the same sequence, then have every chosen crash state of the
 * device mounted and checked.
 */
public interface CrashRecorder {
    /**
     * Flushes the filesystem (so nothing from before counts as unflushed), arms the device's faults
     * if any, and marks where the workload begins; returns the mark's sequence number.
     */
    int begin(String label);

    /** Appends {@code label} to the device's log; returns its sequence number. */
    int mark(String label);

    /** Where the files of {@code live} (a directory of the recorded filesystem, as the rules see it) lie in a crash state mounted at {@code stateMount}. */
    Path locate(Path live, Path stateMount);

    /**
     * Unmounts the filesystem, mounts each crash state the points call for at a mount point of its
     * own, asks {@code check} about it, and mounts the filesystem again. Nothing may hold the
     * filesystem open meanwhile.
     */
    Exploration explore(CrashPoints points, StateCheck check, Progress progress);

    /** Why the recorder itself failed (its log could not be written, its server broke), if it did. */
    Optional<String> trouble();

    /** A new filesystem of the same kind on a device of its own whose faults the caller sets; the caller closes it. */
    FaultyFilesystem faultyFilesystem() throws IOException;

    /** Reports how many states of how many are done. */
    @FunctionalInterface
    interface Progress {
        void done(int states, int of);
    }
}
