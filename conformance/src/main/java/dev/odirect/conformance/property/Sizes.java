package dev.odirect.conformance.property;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Object and chunk sizes biased to where O_DIRECT code breaks: alignment edges, ±1, alignment
 * multiples, and the ends of write buffers (each power of two from {@link #SMALLEST_BUFFER} to
 * {@link #LARGEST_BUFFER}, ±1 and ± the alignment). The alignment is the one probed on the
 * filesystem under test, besides 512 and 4096.
 */
public final class Sizes {
    public static final List<Integer> EDGES = List.of(0, 1, 511, 512, 513, 1023, 1024, 2047, 2048, 4095, 4096, 4097,
            8191, 8192, 8193);
    /** Write buffers are usually a power of two in this range: an object can end exactly on any of them. */
    public static final int SMALLEST_BUFFER = 4 << 10;
    public static final int LARGEST_BUFFER = 8 << 20;
    private static final List<Integer> COMMON_ALIGNMENTS = List.of(512, 4096);

    private final int alignment;
    private final List<Integer> alignments;
    private final List<Integer> smallEdges;
    private final List<Integer> bufferEdges;

    /** Sizes for a filesystem whose O_DIRECT alignment is {@code alignment} (1 where there is none). */
    public Sizes(int alignment) {
        if (alignment < 1) {
            throw new IllegalArgumentException("alignment " + alignment);
        }
        this.alignment = alignment;
        // multiples of an alignment below a sector (1 where O_DIRECT is refused) are no alignment at all
        this.alignments = Stream.concat(COMMON_ALIGNMENTS.stream(), Stream.of(Math.max(512, alignment)))
                .distinct().toList();
        TreeSet<Integer> small = new TreeSet<>(EDGES);
        small.addAll(List.of(alignment - 1, alignment, alignment + 1));
        this.smallEdges = List.copyOf(small);
        this.bufferEdges = bufferSizes().boxed().flatMap(buffer -> around(buffer).stream())
                .distinct().sorted().toList();
    }

    /** The powers of two from {@link #SMALLEST_BUFFER} to {@link #LARGEST_BUFFER}. */
    public static IntStream bufferSizes() {
        return IntStream.iterate(SMALLEST_BUFFER, size -> size <= LARGEST_BUFFER, size -> size * 2);
    }

    /** Where a buffer of this size ends and next to it: the size, ±1, ± the alignment, ascending. */
    public SortedSet<Integer> around(int bufferSize) {
        SortedSet<Integer> sizes = new TreeSet<>(List.of(bufferSize - alignment, bufferSize - 1, bufferSize,
                bufferSize + 1, bufferSize + alignment));
        sizes.removeIf(size -> size < 0);
        return sizes;
    }

    /** A size: an edge or the alignment ±1, a buffer edge, an alignment multiple ±1, or anything up to {@code anyUpTo}. */
    public int edgeBiased(Random random, int anyUpTo) {
        int pick = random.nextInt(100);
        if (pick < 30) {
            return smallEdges.get(random.nextInt(smallEdges.size()));
        } else if (pick < 40) {
            return bufferEdge(random);
        } else if (pick < 65) {
            return alignmentMultiple(random) + random.nextInt(3) - 1;
        } else if (pick < 90) {
            return random.nextInt(8194);
        }
        return random.nextInt(anyUpTo + 1);
    }

    /** A size where a write buffer ends or next to it: {@link #around} one of the buffer sizes. */
    public int bufferEdge(Random random) {
        return bufferEdges.get(random.nextInt(bufferEdges.size()));
    }

    /** k × 512, k × 4096 or k × the alignment, for k in 1..4. */
    public int alignmentMultiple(Random random) {
        return alignments.get(random.nextInt(alignments.size())) * (1 + random.nextInt(4));
    }

    /**
     * Simpler sizes than a failing one, to try in this order: 0, the edges below it, the power of two
     * below it, it rounded down to each alignment it is not a multiple of; then bisection between the
     * largest size known to pass (one of those, or of {@code knownToPass}) and it. Each bisection step
     * assumes the one before passed, which holds because shrinking stops at the first candidate that fails.
     */
    private Stream<Integer> shrink(int failing, IntStream knownToPass) {
        TreeSet<Integer> simpler = new TreeSet<>();
        simpler.add(0);
        smallEdges.stream().filter(edge -> edge < failing).forEach(simpler::add);
        if (failing > 1) {
            simpler.add(Integer.highestOneBit(failing - 1));
        }
        alignments.forEach(each -> simpler.add(failing - failing % each));
        simpler.removeIf(size -> size >= failing);
        int largestPassing = Math.max(simpler.isEmpty() ? -1 : simpler.last(),
                knownToPass.filter(size -> size < failing).max().orElse(-1));
        Stream<Integer> bisection = Stream.iterate(halfway(largestPassing, failing), size -> size < failing,
                size -> halfway(size, failing));
        return Stream.concat(simpler.stream(), bisection);
    }

    /**
     * Shrinks one size inside an input and keeps the rest: {@code withSize} makes the input with another
     * size there, {@code sizeIn} reads it back (-1 where an input has none); the sizes known to pass
     * there are read from {@code passed}.
     */
    public <T> Stream<T> shrink(int failing, IntFunction<T> withSize, ToIntFunction<T> sizeIn, Set<T> passed) {
        IntStream knownToPass = passed.stream().mapToInt(input -> {
            int size = sizeIn.applyAsInt(input);
            return size >= 0 && withSize.apply(size).equals(input) ? size : -1;
        }).filter(size -> size >= 0);
        return shrink(failing, knownToPass).map(withSize::apply);
    }

    /** The middle of (passing, failing], rounded up so that it never repeats {@code passing}. */
    private static int halfway(int passing, int failing) {
        return passing + (failing - passing + 1) / 2;
    }
}
