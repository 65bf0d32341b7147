package dev.odirect.cli;

import dev.odirect.store.spi.ByteSizes;
import picocli.CommandLine;

/** Sizes such as {@code 4096}, {@code 64k}, {@code 1m} for picocli options. */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        try {
            return ByteSizes.parse(value);
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.TypeConversionException(bad.getMessage());
        }
    }
}
