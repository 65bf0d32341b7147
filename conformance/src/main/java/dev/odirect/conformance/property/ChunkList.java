package dev.odirect.conformance.property;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The input of a streaming write: chunk sizes and the seed of the bytes. The object's bytes are a
 * pure function of the seed and the total size, so a shrunk input, printed, replays exactly.
 */
public record ChunkList(List<Integer> sizes, long dataSeed) {

    public ChunkList {
        sizes = List.copyOf(sizes);
    }

    public int total() {
        return sizes.stream().mapToInt(Integer::intValue).sum();
    }

    /** The whole object, deterministic in ({@code dataSeed}, total). */
    public byte[] bytes() {
        return Bytes.of(dataSeed, total());
    }

    /** The chunks as copies of consecutive slices of {@link #bytes()}. */
    public List<byte[]> chunks(byte[] whole) {
        List<byte[]> chunks = new ArrayList<>(sizes.size());
        int at = 0;
        for (int size : sizes) {
            byte[] chunk = new byte[size];
            System.arraycopy(whole, at, chunk, 0, size);
            chunks.add(chunk);
            at += size;
        }
        return chunks;
    }

    public ChunkList withSizes(List<Integer> newSizes) {
        return new ChunkList(newSizes, dataSeed);
    }

    /** {@code total} bytes in chunks of {@code chunk}, the last one shorter when it does not divide. */
    public static ChunkList inChunksOf(int total, int chunk, long dataSeed) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = total; left > 0; left -= chunk) {
            sizes.add(Math.min(left, chunk));
        }
        return new ChunkList(sizes, dataSeed);
    }

    public ChunkList withSize(int index, int size) {
        List<Integer> changed = new ArrayList<>(sizes);
        changed.set(index, size);
        return withSizes(changed);
    }

    public ChunkList without(int index) {
        List<Integer> fewer = new ArrayList<>(sizes);
        fewer.remove(index);
        return withSizes(fewer);
    }

    /** The same bytes, with chunk {@code index} and the next one sent as one. */
    public ChunkList mergedWithNext(int index) {
        List<Integer> fewer = new ArrayList<>(sizes);
        fewer.set(index, sizes.get(index) + sizes.get(index + 1));
        fewer.remove(index + 1);
        return withSizes(fewer);
    }

    @Override
    public String toString() {
        return "chunks " + sizes + " (" + total() + " bytes, data seed " + dataSeed + ")";
    }

    /** Deterministic content; position-dependent so a misplaced block never matches by chance. */
    public static final class Bytes {
        private Bytes() {
        }

        /** Eight bytes per draw: the rules write hundreds of MiB per cell, and Random.nextBytes made a fifth of a check's CPU. */
        public static byte[] of(long seed, int size) {
            byte[] data = new byte[size];
            SplittableRandom random = new SplittableRandom(seed * 31 + size);
            ByteBuffer fill = ByteBuffer.wrap(data);
            while (fill.remaining() >= Long.BYTES) {
                fill.putLong(random.nextLong());
            }
            while (fill.hasRemaining()) {
                fill.put((byte) random.nextInt());
            }
            return data;
        }
    }
}
