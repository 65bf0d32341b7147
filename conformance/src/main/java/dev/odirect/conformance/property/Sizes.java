package dev.odirect.conformance.property;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Object and chunk sizes biased to where O_DIRECT code breaks: alignment edges, ±1, multiples. */
public final class Sizes {
    public static final List<Integer> EDGES = List.of(0, 1, 511, 512, 513, 1023, 1024, 2047, 2048, 4095, 4096, 4097,
            8191, 8192, 8193);
    private static final int[] ALIGNMENTS = {512, 4096};

    private Sizes() {
    }

    /** A size up to {@code max}: edges, alignment multiples ±1, or anything. */
    public static int edgeBiased(Random random, int max) {
        int pick = random.nextInt(100);
        int size;
        if (pick < 40) {
            size = EDGES.get(random.nextInt(EDGES.size()));
        } else if (pick < 65) {
            size = alignmentMultiple(random) + random.nextInt(3) - 1;
        } else if (pick < 90) {
            size = random.nextInt(8194);
        } else {
            size = random.nextInt(max + 1);
        }
        return Math.max(0, Math.min(max, size));
    }

    /** k × 512 or k × 4096 for k in 1..4. */
    public static int alignmentMultiple(Random random) {
        return ALIGNMENTS[random.nextInt(ALIGNMENTS.length)] * (1 + random.nextInt(4));
    }

    /** Simpler sizes than {@code size}, smallest first: 0, the edges below it, and its half. */
    public static Stream<Integer> shrink(int size) {
        Stream<Integer> edges = EDGES.stream().filter(edge -> edge < size);
        Stream<Integer> half = size > 8193 ? Stream.of(size / 2, size - 1) : Stream.empty();
        return Stream.concat(edges, half).distinct();
    }

}
