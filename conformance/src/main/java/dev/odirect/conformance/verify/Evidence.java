package dev.odirect.conformance.verify;

import dev.odirect.conformance.evidence.Mismatch;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** What differs between the bytes a store was given and the bytes found: sizes, first offset, hex windows. */
public final class Evidence {
    private static final int WINDOW = 16;
    /** Markers no HTML renderer can take for a tag, so they survive every report that shows them. */
    static final String END_OF_DATA = "[end of data]";
    static final String END = "[end]";

    private Evidence() {
    }

    /** Empty when equal; otherwise sizes, first difference and hex windows, as a value. */
    public static Optional<Mismatch> mismatch(byte[] expected, byte[] found) {
        int at = Arrays.mismatch(expected, found);
        if (at < 0) {
            return Optional.empty();
        }
        int from = Math.max(0, at - at % WINDOW);
        return Optional.of(new Mismatch(expected.length, found.length, at, from, window(expected, from),
                window(found, from)));
    }

    /** Empty when equal; otherwise a description a person can act on. */
    public static Optional<String> difference(byte[] expected, byte[] found) {
        return mismatch(expected, found).map(m -> m.describe() + System.lineSeparator() + m.window());
    }

    static String window(byte[] data, int from) {
        if (from >= data.length) {
            return END_OF_DATA;
        }
        int to = Math.min(data.length, from + 2 * WINDOW);
        return HexFormat.ofDelimiter(" ").formatHex(data, from, to) + (to < data.length ? " ..." : " " + END);
    }
}
