package dev.odirect.conformance.adapter;

import dev.odirect.conformance.suite.SessionBrokenException;
import dev.odirect.conformance.suite.SessionLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An adapter process started from the user's command line ({@code sh -c}), with one answer line
 * awaited per request line. Its stderr is kept (the last 64 KiB) for failure messages and reports.
 * Silence past the timeout, exit, or a closed pipe become {@link SessionBrokenException}s.
 */
final class AdapterProcess implements AutoCloseable {
    private static final String END_OF_OUTPUT = "\u0000end";

    private final String command;
    private final Process process;
    private final OutputStream requests;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final StderrTail stderr = new StderrTail(64 * 1024);

    AdapterProcess(String command) throws IOException {
        this.command = command;
        this.process = new ProcessBuilder("/bin/sh", "-c", command).start();
        this.requests = process.getOutputStream();
        daemon("adapter-stdout", () -> readLines(process.getInputStream()));
        daemon("adapter-stderr", () -> stderr.drain(process.getErrorStream()));
    }

    /** Sends one line and waits for the answer line. */
    String exchange(String request, String what, Duration timeout) {
        try {
            requests.write(request.getBytes(StandardCharsets.UTF_8));
            requests.write('\n');
            requests.flush();
        } catch (IOException closed) {
            throw broken("its input closed before " + what + " (" + closed.getMessage() + ")");
        }
        String answer;
        try {
            answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw broken("interrupted while waiting for the answer to " + what);
        }
        if (answer == null) {
            throw broken(SessionLimits.noAnswer(what, timeout));
        }
        if (answer.equals(END_OF_OUTPUT)) {
            answers.add(END_OF_OUTPUT);
            throw broken("it closed its output before answering " + what + exitStatus());
        }
        return answer;
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

    private void readLines(InputStream out) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                answers.add(line);
            }
        } catch (IOException ignored) {
            // a dead adapter is reported by exchange()
        }
        answers.add(END_OF_OUTPUT);
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
