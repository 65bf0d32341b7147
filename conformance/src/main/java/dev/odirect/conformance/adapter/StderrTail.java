package dev.odirect.conformance.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Keeps the last bytes of a process's stderr, so a failure can quote what the adapter said. */
final class StderrTail {
    private final int capacity;
    private final StringBuilder text = new StringBuilder();

    StderrTail(int capacity) {
        this.capacity = capacity;
    }

    void drain(InputStream err) {
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = err.read(buffer)) > 0) {
                append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the process is gone; what was read is kept
        }
    }

    synchronized String text() {
        return text.toString();
    }

    /** The last lines, as a suffix for a message, or nothing when stderr was empty. */
    synchronized String lastLines(int count) {
        String[] lines = text.toString().strip().split("\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            return "";
        }
        int from = Math.max(0, lines.length - count);
        return "; its stderr ends: " + String.join(" | ", Arrays.copyOfRange(lines, from, lines.length));
    }

    private synchronized void append(String more) {
        text.append(more);
        if (text.length() > capacity) {
            text.delete(0, text.length() - capacity);
        }
    }
}
