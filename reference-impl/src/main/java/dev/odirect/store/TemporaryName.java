package dev.odirect.store;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one form of the store's temporary files' names, and the rule that keeps keys out of it:
 * {@link ObjectKey} refuses a segment that starts with {@link #PREFIX}, so the sweep at open, which
 * removes names of this form, can never remove an object.
 */
public final class TemporaryName {
    /**
     * Unlike the earlier {@code .odirect-tmp-}, which keys may take (so files left under that name
     * by older versions are never swept), no key can start a segment with it.
     */
    public static final String PREFIX = ".odirect~tmp-";
    private static final int HEX_DIGITS = 16;

    private TemporaryName() {
    }

    public static String random() {
        return PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** A name {@link #random()} makes. */
    public static boolean isTemporary(String name) {
        return name.length() == PREFIX.length() + HEX_DIGITS && name.startsWith(PREFIX)
                && name.substring(PREFIX.length()).chars().allMatch(HexFormat::isHexDigit);
    }

    /** A key segment the store refuses, because its temporary files are named so. */
    static boolean isReserved(String segment) {
        return segment.startsWith(PREFIX);
    }
}
