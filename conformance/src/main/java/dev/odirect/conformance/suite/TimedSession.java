package dev.odirect.conformance.suite;

import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * An in-process session held to the same per-call timeout as an adapter: every call, its opening
 * and closing included, runs on the session's {@link SessionWorker}.
 */
final class TimedSession implements StoreSession {
    private final SessionWorker worker;
    private final StoreSession inner;

    private TimedSession(SessionWorker worker, StoreSession inner) {
        this.worker = worker;
        this.inner = inner;
    }

    /** The session {@code opener} returns, opened on {@code worker}. */
    static TimedSession open(SessionWorker worker, Callable<StoreSession> opener) throws IOException {
        try {
            return new TimedSession(worker, worker.call("StoreProvider.open", opener));
        } catch (IOException | RuntimeException | Error failed) {
            worker.shutdown();
            throw failed;
        }
    }

    @Override
    public Outcome put(String key, byte[] data) {
        return call("put", () -> inner.put(key, data));
    }

    @Override
    public Outcome open(String key, String handle) {
        return call("open", () -> inner.open(key, handle));
    }

    @Override
    public Outcome write(String handle, byte[] chunk) {
        return call("write", () -> inner.write(handle, chunk));
    }

    @Override
    public Outcome finish(String handle) {
        return call("finish", () -> inner.finish(handle));
    }

    @Override
    public Outcome abort(String handle) {
        return call("abort", () -> inner.abort(handle));
    }

    @Override
    public Outcome get(String key, OptionalLong offset, OptionalLong length) {
        return call("get", () -> inner.get(key, offset, length));
    }

    @Override
    public Outcome delete(String key) {
        return call("delete", () -> inner.delete(key));
    }

    /** Closes the store's session, unless it hung: then it is left to its thread. */
    @Override
    public void close() {
        try {
            if (!worker.abandoned()) {
                call("close", () -> {
                    inner.close();
                    return null;
                });
            }
        } finally {
            worker.shutdown();
        }
    }

    private <T> T call(String what, Callable<T> call) {
        try {
            return worker.call(what, call);
        } catch (IOException undeclared) {
            throw new UncheckedIOException(undeclared); // a store method cannot declare it but may still throw it
        }
    }
}
