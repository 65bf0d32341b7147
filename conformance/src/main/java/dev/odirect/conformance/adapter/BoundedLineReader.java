package dev.odirect.conformance.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines ended by {@code \n} and keeps at most {@code maxBytes} of a line: a longer
 * line is reported as soon as it passes the limit, and its rest is skipped, never buffered.
 */
final class BoundedLineReader {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line;
    private int lineLength;
    private boolean skippingRestOfLine;

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.line = new byte[Math.min(8 * 1024, maxBytes)];
    }

    /** A line longer than the limit; the reader goes on with the line after it. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        LineTooLongException(int maxBytes) {
            super("a line is longer than " + maxBytes + " bytes");
        }
    }

    /** The next line without its {@code \n}, or null at the end of the stream. */
    String readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (chunkStart == chunkEnd && !fill()) {
                return endOfStream();
            }
            int newline = indexOfNewline();
            int lineEnd = newline < 0 ? chunkEnd : newline;
            if (!skippingRestOfLine) {
                append(lineEnd - chunkStart);
            }
            chunkStart = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                if (skippingRestOfLine) {
                    skippingRestOfLine = false;
                    continue;
                }
                return new String(line, 0, lineLength, StandardCharsets.UTF_8);
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk);
        if (read < 0) {
            return false;
        }
        chunkStart = 0;
        chunkEnd = read;
        return true;
    }

    /** The unterminated last line, if it has anything, as {@code BufferedReader} does. */
    private String endOfStream() {
        return skippingRestOfLine || lineLength == 0 ? null : new String(line, 0, lineLength, StandardCharsets.UTF_8);
    }

    private int indexOfNewline() {
        for (int i = chunkStart; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int count) throws LineTooLongException {
        if (count > maxBytes - lineLength) {
            skippingRestOfLine = true;
            lineLength = 0;
            throw new LineTooLongException(maxBytes);
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxBytes, Math.max(2L * line.length, lineLength + count)));
        }
        System.arraycopy(chunk, chunkStart, line, lineLength, count);
        lineLength += count;
    }
}
