package dev.odirect.conformance.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Generation, shrinking and classification of the inputs of writes: streams of chunks, and objects for put (one chunk). */
public final class ChunkLists {
    public static final String EMPTY_CHUNK = "empty chunk";
    /** Edge-biased chunks are otherwise any size up to this. */
    private static final int ANY_CHUNK_UP_TO = 20000;
    /** Objects for put are otherwise any size up to this. */
    private static final int ANY_OBJECT_UP_TO = 70000;
    /** Chunks of a multi-MiB stream are otherwise any size up to this. */
    private static final int ANY_LARGE_CHUNK_UP_TO = 300000;

    public enum Shape { ALIGNED, UNALIGNED, HYBRID, TAIL_ONLY, SMALL_CHUNKS, LARGE_CHUNKS, EMPTY_MIXED, ALL_EMPTY, MULTI_BUFFER }

    private final Sizes sizes;
    private final int largeEvery;

    /** Inputs with sizes from {@code sizes}; {@code largeEvery} in 100 random ones are several MiB. */
    public ChunkLists(Sizes sizes, int largeEvery) {
        this.sizes = sizes;
        this.largeEvery = largeEvery;
    }

    /** Streams of every shape. */
    public Gen<ChunkList> streams() {
        return random -> {
            Shape shape = random.nextInt(100) < largeEvery ? Shape.MULTI_BUFFER
                    : Shape.values()[random.nextInt(Shape.values().length - 1)];
            return new ChunkList(sizes(shape, random), random.nextLong());
        };
    }

    /** Objects for put: one chunk of an edge-biased size. */
    public Gen<ChunkList> objects() {
        return random -> {
            int size = random.nextInt(100) < largeEvery ? SizeClasses.multiBuffer(random)
                    : sizes.edgeBiased(random, ANY_OBJECT_UP_TO);
            return new ChunkList(List.of(size), random.nextLong());
        };
    }

    /** A stream with empty chunks, and one of each size class, its bytes split into chunks. */
    public List<CoverageClass<ChunkList>> streamClasses() {
        List<CoverageClass<ChunkList>> classes = new ArrayList<>();
        classes.add(new CoverageClass<>(EMPTY_CHUNK, listOf(random -> sizes(Shape.EMPTY_MIXED, random))));
        SizeClasses.examples(sizes).forEach((label, size) ->
                classes.add(new CoverageClass<>(label, listOf(random -> split(size.next(random), random)))));
        return classes;
    }

    /** An object of each size class. */
    public List<CoverageClass<ChunkList>> objectClasses() {
        return SizeClasses.examples(sizes).entrySet().stream()
                .map(example -> new CoverageClass<>(example.getKey(),
                        listOf(random -> List.of(example.getValue().next(random)))))
                .toList();
    }

    private static Gen<ChunkList> listOf(Gen<List<Integer>> chunkSizes) {
        return random -> new ChunkList(chunkSizes.next(random), random.nextLong());
    }

    List<Integer> sizes(Shape shape, Random random) {
        int count = 1 + random.nextInt(6);
        List<Integer> chunks = new ArrayList<>();
        switch (shape) {
            case ALIGNED -> IntStream.range(0, count).forEach(i -> chunks.add(sizes.alignmentMultiple(random)));
            case UNALIGNED -> IntStream.range(0, count).forEach(i -> chunks.add(sizes.edgeBiased(random, ANY_CHUNK_UP_TO)));
            case HYBRID -> {
                IntStream.range(0, count).forEach(i -> chunks.add(4096 * (1 + random.nextInt(3))));
                chunks.add(1 + random.nextInt(4095));
            }
            case TAIL_ONLY -> chunks.add(1 + random.nextInt(random.nextBoolean() ? 511 : 4095));
            case SMALL_CHUNKS -> IntStream.range(0, 2 + random.nextInt(30)).forEach(i -> chunks.add(random.nextInt(512)));
            case LARGE_CHUNKS -> IntStream.range(0, count).forEach(i -> chunks.add(4097 + random.nextInt(70000)));
            case EMPTY_MIXED -> {
                IntStream.range(0, count).forEach(i -> chunks.add(sizes.edgeBiased(random, ANY_CHUNK_UP_TO)));
                chunks.add(0, 0);
                chunks.add(random.nextInt(chunks.size() + 1), 0);
                chunks.add(0);
            }
            case ALL_EMPTY -> IntStream.range(0, random.nextInt(4)).forEach(i -> chunks.add(0));
            case MULTI_BUFFER -> chunks.addAll(split(SizeClasses.multiBuffer(random), random));
            default -> throw new IllegalStateException(shape.name());
        }
        return chunks;
    }

    /** {@code total} bytes as chunks, half of them the size of a buffer edge, the others edge-biased (0 now and then). */
    List<Integer> split(int total, Random random) {
        List<Integer> chunks = new ArrayList<>();
        for (int left = total; left > 0; ) {
            int chunk = Math.min(left, random.nextBoolean() ? sizes.bufferEdge(random)
                    : sizes.edgeBiased(random, ANY_LARGE_CHUNK_UP_TO));
            chunks.add(chunk);
            left -= chunk;
        }
        return chunks;
    }

    /**
     * Send two neighbours as one (the same object in fewer chunks: cheap, and it keeps most failures),
     * drop a chunk (last ones first), then make one chunk smaller.
     */
    public Shrinker<ChunkList> shrinker() {
        return (list, passed) -> {
            int count = list.sizes().size();
            Stream<ChunkList> merged = IntStream.range(0, count - 1).mapToObj(list::mergedWithNext);
            Stream<ChunkList> dropped = IntStream.range(0, count).map(i -> count - 1 - i).mapToObj(list::without);
            Stream<ChunkList> smaller = IntStream.range(0, count).boxed().flatMap(i -> sizes.shrink(list.sizes().get(i),
                    size -> list.withSize(i, size), other -> other.sizes().size() == count ? other.sizes().get(i) : -1,
                    passed));
            return Stream.concat(Stream.concat(merged, dropped), smaller);
        };
    }

    /** Coverage classes: the size classes of the object, and whether a chunk is empty. */
    public static Set<String> classify(ChunkList list) {
        Set<String> labels = SizeClasses.of(list.total());
        if (list.sizes().contains(0)) {
            labels.add(EMPTY_CHUNK);
        }
        return labels;
    }
}
