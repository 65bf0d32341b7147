package dev.odirect.store;

import dev.odirect.store.io.Directory;
import dev.odirect.store.io.ObjectSink;
import dev.odirect.store.io.StagingFile;
import java.lang.ref.Cleaner;

/**
 * Releases what a writer that was dropped while open (no finish, abort or close) still holds, once
 * it is unreachable: its file's descriptor (and with it an O_TMPFILE file and the writer's lock),
 * the file's temporary name if it has one, and its directory. Without this such a writer would
 * keep a named temporary file until the next sweep and its descriptors for the life of the process.
 * It must not reach the writer, or the writer would never become unreachable.
 */
final class AbandonedWriter implements Runnable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final System.Logger LOG = System.getLogger("dev.odirect.store");

    private final ObjectSink sink;
    private final StagingFile staging;
    private final Directory directory;
    private final String key;
    private volatile boolean ended;
    private Cleaner.Cleanable cleanable;

    private AbandonedWriter(ObjectSink sink, StagingFile staging, Directory directory, String key) {
        this.sink = sink;
        this.staging = staging;
        this.directory = directory;
        this.key = key;
    }

    static AbandonedWriter watch(ObjectWriter writer, ObjectSink sink, StagingFile staging, Directory directory,
                                 String key) {
        AbandonedWriter action = new AbandonedWriter(sink, staging, directory, key);
        action.cleanable = CLEANER.register(writer, action);
        return action;
    }

    /** The writer ends by itself (finish, abort or a failure) and releases what it holds: nothing is left to do here. */
    void ended() {
        ended = true;
        cleanable.clean();
    }

    @Override
    public void run() {
        if (ended) {
            return;
        }
        IllegalStateException dropped = new IllegalStateException("the writer for key " + key
                + " was dropped while open, without finish, abort or close");
        // through the sink: its writes still in flight use the descriptor, and end before it is closed
        sink.closeAfterFailure();
        staging.discardAfter(dropped);
        directory.close();
        boolean removed = dropped.getSuppressed().length == 0;
        LOG.log(System.Logger.Level.WARNING, dropped.getMessage() + (removed ? ": its temporary file is removed"
                : ": its temporary file could not be removed"), removed ? null : dropped);
    }
}
