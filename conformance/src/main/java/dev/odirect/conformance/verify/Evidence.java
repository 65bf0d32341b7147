package dev.odirect.conformance.verify;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** What differs between the bytes a store was given and the bytes found: sizes, first offset, hex windows. */
public final class Evidence {
    private static final int WINDOW = 16;

    private Evidence() {
    }

    /** Empty when equal; otherwise a description a person can act on. */
    public static Optional<String> difference(byte[] expected, byte[] found) {
        int at = Arrays.mismatch(expected, found);
        if (at < 0) {
            return Optional.empty();
        }
        int from = Math.max(0, at - at % WINDOW);
        return Optional.of("expected " + expected.length + " bytes, found " + found.length
                + " bytes; first difference at offset " + at + describeOffset(at)
                + System.lineSeparator() + "    expected @" + from + ": " + window(expected, from)
                + System.lineSeparator() + "    found    @" + from + ": " + window(found, from));
    }

    private static String describeOffset(int at) {
        return at % 512 == 0 ? " (a multiple of 512" + (at % 4096 == 0 ? " and 4096)" : ")") : "";
    }

    static String window(byte[] data, int from) {
        if (from >= data.length) {
            return "<end of data>";
        }
        int to = Math.min(data.length, from + 2 * WINDOW);
        return HexFormat.ofDelimiter(" ").formatHex(data, from, to) + (to < data.length ? " ..." : " <end>");
    }
}
