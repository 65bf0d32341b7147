package dev.odirect.conformance.suite;

import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreSession;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Records every operation and its outcome in the rule's {@link OperationLog}: the failure shows the
 * operations that led to it, and a session that broke is known to be broken.
 */
public final class RecordingSession implements StoreSession {
    private final StoreSession inner;
    private final OperationLog history;
    private boolean broken;

    public RecordingSession(StoreSession inner, OperationLog history) {
        this.inner = inner;
        this.history = history;
    }

    @Override
    public Outcome put(String key, byte[] data) {
        return record("put " + key + " (" + data.length + " bytes)", () -> inner.put(key, data));
    }

    @Override
    public Outcome open(String key, String handle) {
        return record("open " + key + " as " + handle, () -> inner.open(key, handle));
    }

    @Override
    public Outcome write(String handle, byte[] chunk) {
        return record("write " + handle + " (" + chunk.length + " bytes)", () -> inner.write(handle, chunk));
    }

    @Override
    public Outcome finish(String handle) {
        return record("finish " + handle, () -> inner.finish(handle));
    }

    @Override
    public Outcome abort(String handle) {
        return record("abort " + handle, () -> inner.abort(handle));
    }

    @Override
    public Outcome get(String key, OptionalLong offset, OptionalLong length) {
        String range = offset.isEmpty() && length.isEmpty() ? "" : " [" + offset.orElse(0) + ", +"
                + (length.isPresent() ? length.getAsLong() : "end") + ")";
        return record("get " + key + range, () -> inner.get(key, offset, length));
    }

    @Override
    public Outcome delete(String key) {
        return record("delete " + key, () -> inner.delete(key));
    }

    @Override
    public void close() {
        inner.close();
    }

    public StoreSession inner() {
        return inner;
    }

    public boolean broken() {
        return broken;
    }

    /** Starts a new stretch of history (a new property try). */
    public void mark() {
        history.mark();
    }

    private Outcome record(String what, Supplier<Outcome> call) {
        try {
            Outcome outcome = call.get();
            history.add(what + " -> " + outcome);
            return outcome;
        } catch (RuntimeException failure) {
            broken = true;
            history.add(what + " -> session broke");
            throw failure;
        }
    }
}
