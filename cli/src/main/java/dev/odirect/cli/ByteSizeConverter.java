package dev.odirect.cli;

import java.util.Locale;
import picocli.CommandLine;

/** Parses sizes such as {@code 4096}, {@code 64k}, {@code 1m}, {@code 1g} (binary units). */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        long unit = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
        try {
            long bytes = Long.parseLong(digits) * unit;
            if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
                throw new CommandLine.TypeConversionException("size out of range: " + value);
            }
            return (int) bytes;
        } catch (NumberFormatException notANumber) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size like 4096, 64k or 1m");
        }
    }
}
