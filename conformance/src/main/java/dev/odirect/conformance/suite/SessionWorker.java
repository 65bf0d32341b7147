package dev.odirect.conformance.suite;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread an in-process session's calls run on, one at a time, each awaited at most the
 * timeout. A call that does not answer in time breaks the session and is abandoned: it is
 * interrupted but never waited for, and the thread is a daemon, so a store that hangs for good
 * holds one idle thread, not the suite.
 */
final class SessionWorker {
    private static final AtomicInteger STARTED = new AtomicInteger();

    private final String store;
    private final Duration timeout;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(body -> {
        Thread worker = new Thread(body, "store-session-" + STARTED.incrementAndGet());
        worker.setDaemon(true);
        return worker;
    });
    private volatile String unanswered;

    /** {@code store} names the store in messages, e.g. {@code store 'direct:///'}. */
    SessionWorker(String store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    /** The result of {@code call}, or what it threw; {@code what} names it in messages. */
    <T> T call(String what, Callable<T> call) throws IOException {
        if (abandoned()) {
            throw broken(what + " was not called: the session was given up when " + unanswered + " did not answer");
        }
        Future<T> answer = thread.submit(call);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException silent) {
            abandon(what);
            throw broken(SessionLimits.noAnswer(what, timeout));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            abandon(what);
            throw broken("interrupted while waiting for the answer to " + what);
        } catch (ExecutionException failed) {
            throw rethrown(failed.getCause());
        }
    }

    boolean abandoned() {
        return unanswered != null;
    }

    /** Lets the thread end once the calls given to it have run. */
    void shutdown() {
        thread.shutdown();
    }

    private void abandon(String what) {
        unanswered = what;
        thread.shutdownNow();
    }

    private SessionBrokenException broken(String what) {
        return new SessionBrokenException(store + ": " + what);
    }

    /** The store's own exception, unchanged, so that it keeps its meaning (the session broke). */
    private static RuntimeException rethrown(Throwable thrown) throws IOException {
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown instanceof IOException io) {
            throw io;
        }
        return thrown instanceof RuntimeException runtime ? runtime : new IllegalStateException(thrown);
    }
}
