package dev.odirect.conformance.property;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes of object sizes that the write properties must try, judged against a 4096-byte
 * alignment (the strictest common one), each with a generator of sizes in it.
 */
public final class SizeClasses {
    public static final String ZERO_BYTES = "0-byte object";
    public static final String SUB_512 = "sub-512 object";
    public static final String EXACT_MULTIPLE = "exact multiple";
    public static final String HYBRID_TAIL = "hybrid tail";
    public static final String BYTE_OFF_BUFFER_END = "a byte off a buffer end";
    /** Whatever the store's buffer size (a power of two up to 8 MiB), its last buffer is exactly full at the end. */
    public static final String FULL_LAST_BUFFER = "exactly full last buffer";
    public static final String MULTI_BUFFER = "multi-buffer object";

    /** An object this large crosses the write buffers stores commonly use (1 MiB is ours). */
    public static final int MULTI_BUFFER_SIZE = 2 << 20;

    private static final int[] BUFFER_SIZES = Sizes.bufferSizes().toArray();

    private SizeClasses() {
    }

    /** The classes an object of {@code total} bytes belongs to. */
    public static Set<String> of(int total) {
        Set<String> labels = new TreeSet<>();
        if (total == 0) {
            labels.add(ZERO_BYTES);
        }
        if (total > 0 && total < 512) {
            labels.add(SUB_512);
        }
        if (total > 0 && total % 512 == 0) {
            labels.add(EXACT_MULTIPLE);
        }
        if (total > 4096 && total % 4096 != 0) {
            labels.add(HYBRID_TAIL);
        }
        if (aByteOffABufferEnd(total)) {
            labels.add(BYTE_OFF_BUFFER_END);
        }
        if (total > 0 && total % Sizes.LARGEST_BUFFER == 0) {
            labels.add(FULL_LAST_BUFFER);
        }
        if (total >= MULTI_BUFFER_SIZE) {
            labels.add(MULTI_BUFFER);
        }
        return labels;
    }

    private static boolean aByteOffABufferEnd(int total) {
        for (int buffer : BUFFER_SIZES) {
            if (Math.abs(total - buffer) == 1) {
                return true;
            }
        }
        return false;
    }

    /** Every class, in the order the properties try them, with a generator of sizes in it. */
    public static Map<String, Gen<Integer>> examples(Sizes sizes) {
        Map<String, Gen<Integer>> examples = new LinkedHashMap<>();
        examples.put(ZERO_BYTES, random -> 0);
        examples.put(SUB_512, random -> 1 + random.nextInt(511));
        examples.put(EXACT_MULTIPLE, sizes::alignmentMultiple);
        examples.put(HYBRID_TAIL, random -> 4096 * (1 + random.nextInt(3)) + 1 + random.nextInt(4095));
        examples.put(BYTE_OFF_BUFFER_END,
                random -> BUFFER_SIZES[random.nextInt(BUFFER_SIZES.length)] + (random.nextBoolean() ? 1 : -1));
        examples.put(FULL_LAST_BUFFER, random -> Sizes.LARGEST_BUFFER);
        examples.put(MULTI_BUFFER, SizeClasses::multiBuffer);
        return examples;
    }

    /** A size of several MiB. */
    public static int multiBuffer(Random random) {
        return MULTI_BUFFER_SIZE + random.nextInt(3 << 20);
    }
}
