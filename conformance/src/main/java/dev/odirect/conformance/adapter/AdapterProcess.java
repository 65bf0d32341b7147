package dev.odirect.conformance.adapter;

import dev.odirect.conformance.suite.SessionBrokenException;
import dev.odirect.conformance.suite.SessionLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An adapter process started from the user's command line ({@code sh -c}), with one answer line
 * awaited per request line. Its stderr is kept (the last 64 KiB) for failure messages and reports.
 * Silence past the timeout, an answer line past the limit, exit, or a closed pipe become
 * {@link SessionBrokenException}s.
 */
final class AdapterProcess implements AutoCloseable {
    private final String command;
    private final SessionLimits limits;
    private final Process process;
    private final OutputStream requests;
    /** One answer at most waits here: an adapter that floods its output is held back by the pipe, not in memory. */
    private final BlockingQueue<Output> answers = new ArrayBlockingQueue<>(1);
    private final Thread reader;
    private final StderrTail stderr = new StderrTail(64 * 1024);

    /** What the adapter's stdout gave: an answer line, a line past the limit (not kept), or its end. */
    private sealed interface Output permits Line, TooLong, End {
    }

    private record Line(String text) implements Output {
    }

    private record TooLong() implements Output {
    }

    private record End() implements Output {
    }

    AdapterProcess(String command, SessionLimits limits) throws IOException {
        this.command = command;
        this.limits = limits;
        this.process = new ProcessBuilder("/bin/sh", "-c", command).start();
        this.requests = process.getOutputStream();
        this.reader = daemon("adapter-stdout", () -> readAnswers(process.getInputStream()));
        daemon("adapter-stderr", () -> stderr.drain(process.getErrorStream()));
    }

    /** Sends one line and waits for the answer line. */
    String exchange(byte[] request, String what, Duration timeout) {
        try {
            requests.write(request);
            requests.write('\n');
            requests.flush();
        } catch (IOException closed) {
            throw broken("its input closed before " + what + " (" + closed.getMessage() + ")");
        }
        Output answer;
        try {
            answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw broken("interrupted while waiting for the answer to " + what);
        }
        if (answer == null) {
            throw broken(SessionLimits.noAnswer(what, timeout));
        }
        if (answer instanceof TooLong) {
            throw broken(limits.answerTooLong(what));
        }
        if (answer instanceof End) {
            answers.offer(answer);
            throw broken("it closed its output before answering " + what + exitStatus());
        }
        return ((Line) answer).text();
    }

    SessionBrokenException broken(String what) {
        return new SessionBrokenException("adapter '" + command + "': " + what + stderr.lastLines(5));
    }

    /** The adapter's standard error so far (its last 64 KiB). */
    String stderr() {
        return stderr.text();
    }

    /** Waits briefly for a clean exit, then ends the process and everything it started. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            requests.close();
        } catch (IOException ignored) {
            // it may already be gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    Optional<Integer> exitValue() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    private String exitStatus() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return exitValue().map(status -> " (it exited with status " + status + ")").orElse("");
    }

    /** Hands each answer to {@link #exchange}; ends when the output ends or the process is closed. */
    private void readAnswers(InputStream out) {
        BoundedLineReader lines = new BoundedLineReader(out, limits.maxLine());
        try {
            Output next;
            do {
                next = nextAnswer(lines);
                answers.put(next);
            } while (!(next instanceof End));
        } catch (InterruptedException closed) {
            // close() was called: nobody waits for answers any more
        }
    }

    private static Output nextAnswer(BoundedLineReader lines) {
        try {
            String line = lines.readLine();
            return line == null ? new End() : new Line(line);
        } catch (BoundedLineReader.LineTooLongException tooLong) {
            return new TooLong();
        } catch (IOException gone) {
            return new End(); // a dead adapter is reported by exchange()
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
