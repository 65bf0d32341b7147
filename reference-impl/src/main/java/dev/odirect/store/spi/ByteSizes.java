package dev.odirect.store.spi;

import java.util.Locale;

/** Sizes such as {@code 4096}, {@code 64k}, {@code 1m}, {@code 1g} (binary units). */
public final class ByteSizes {
    private ByteSizes() {
    }

    public static int parse(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        long unit = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
        long bytes;
        try {
            bytes = Long.parseLong(digits) * unit;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + value + "' is not a size like 4096, 64k or 1m");
        }
        if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("size out of range: " + value);
        }
        return (int) bytes;
    }
}
