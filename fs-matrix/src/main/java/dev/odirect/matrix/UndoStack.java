package dev.odirect.matrix;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Teardown steps, each registered right after what it undoes succeeded, run last first on {@link #close()}. */
final class UndoStack implements AutoCloseable {
    /** One teardown step. */
    @FunctionalInterface
    interface Undo {
        void run() throws IOException;
    }

    private final Deque<Undo> steps = new ArrayDeque<>();

    void push(Undo step) {
        steps.push(step);
    }

    /** Runs every step, last first; keeps going past a failing step and reports the first failure. */
    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            } catch (IOException e) {
                first = first == null ? e : first;
            } catch (RuntimeException e) {
                first = first == null ? new IOException(e.toString(), e) : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
