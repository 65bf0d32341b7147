package dev.odirect.conformance.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Generation, shrinking and classification of streaming-write inputs. */
public final class ChunkLists {
    /** An object this large crosses the write buffers stores commonly use (1 MiB is ours). */
    public static final int MULTI_BUFFER = 2 << 20;

    public enum Shape { ALIGNED, UNALIGNED, HYBRID, TAIL_ONLY, SMALL_CHUNKS, LARGE_CHUNKS, EMPTY_MIXED, ALL_EMPTY, MULTI_BUFFER }

    private ChunkLists() {
    }

    /** Streams of every shape; {@code largeEvery} in 100 are several MiB. */
    public static Gen<ChunkList> streams(int largeEvery) {
        return random -> {
            Shape shape = random.nextInt(100) < largeEvery ? Shape.MULTI_BUFFER
                    : Shape.values()[random.nextInt(Shape.values().length - 1)];
            return new ChunkList(sizes(shape, random), random.nextLong());
        };
    }

    static List<Integer> sizes(Shape shape, Random random) {
        int count = 1 + random.nextInt(6);
        List<Integer> sizes = new ArrayList<>();
        switch (shape) {
            case ALIGNED -> IntStream.range(0, count).forEach(i -> sizes.add(Sizes.alignmentMultiple(random)));
            case UNALIGNED -> IntStream.range(0, count).forEach(i -> sizes.add(Sizes.edgeBiased(random, 20000)));
            case HYBRID -> {
                IntStream.range(0, count).forEach(i -> sizes.add(4096 * (1 + random.nextInt(3))));
                sizes.add(1 + random.nextInt(4095));
            }
            case TAIL_ONLY -> sizes.add(1 + random.nextInt(random.nextBoolean() ? 511 : 4095));
            case SMALL_CHUNKS -> IntStream.range(0, 2 + random.nextInt(30)).forEach(i -> sizes.add(random.nextInt(512)));
            case LARGE_CHUNKS -> IntStream.range(0, count).forEach(i -> sizes.add(4097 + random.nextInt(70000)));
            case EMPTY_MIXED -> {
                IntStream.range(0, count).forEach(i -> sizes.add(Sizes.edgeBiased(random, 20000)));
                sizes.add(0, 0);
                sizes.add(random.nextInt(sizes.size() + 1), 0);
                sizes.add(0);
            }
            case ALL_EMPTY -> IntStream.range(0, random.nextInt(4)).forEach(i -> sizes.add(0));
            case MULTI_BUFFER -> {
                int target = MULTI_BUFFER + random.nextInt(3 << 20);
                while (target > 0) {
                    int chunk = Math.min(target, random.nextBoolean() ? 1 << 20 : 1 + random.nextInt(300000));
                    sizes.add(chunk);
                    target -= chunk;
                }
            }
            default -> throw new IllegalStateException(shape.name());
        }
        return sizes;
    }

    /** Drop a chunk (last ones first), then make one chunk smaller. */
    public static Shrinker<ChunkList> shrinker() {
        return list -> {
            List<Integer> sizes = list.sizes();
            Stream<ChunkList> dropped = IntStream.range(0, sizes.size()).map(i -> sizes.size() - 1 - i)
                    .mapToObj(i -> {
                        List<Integer> fewer = new ArrayList<>(sizes);
                        fewer.remove(i);
                        return list.withSizes(fewer);
                    });
            Stream<ChunkList> smaller = IntStream.range(0, sizes.size()).boxed()
                    .flatMap(i -> Sizes.shrink(sizes.get(i)).map(size -> {
                        List<Integer> changed = new ArrayList<>(sizes);
                        changed.set(i, size);
                        return list.withSizes(changed);
                    }));
            return Stream.concat(dropped, smaller);
        };
    }

    /** Coverage classes, judged against a 4096-byte alignment (the strictest common one). */
    public static Set<String> classify(ChunkList list) {
        Set<String> labels = new TreeSet<>();
        int total = list.total();
        if (list.sizes().contains(0)) {
            labels.add("empty chunk");
        }
        if (total > 4096 && total % 4096 != 0) {
            labels.add("hybrid tail");
        }
        if (total > 0 && total % 512 == 0) {
            labels.add("exact multiple");
        }
        if (total > 0 && total < 512) {
            labels.add("sub-512 object");
        }
        if (total == 0) {
            labels.add("0-byte object");
        }
        if (total >= MULTI_BUFFER) {
            labels.add("multi-buffer object");
        }
        return labels;
    }
}
