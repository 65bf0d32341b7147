package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/** Broken stores whose fault is in the bytes of particular sizes, or of what get returns. */
final class ByteMutants {
    static final int MIB = 1 << 20;

    private ByteMutants() {
    }

    /** An off-by-one in the tail: an object one byte past a 512-byte boundary loses that byte. */
    static final class ByteAfterBoundaryLost extends NaiveDirectStore {
        ByteAfterBoundaryLost(Path root) {
            super(root);
        }

        @Override
        protected byte[] layout(List<byte[]> parts) {
            byte[] whole = super.layout(parts);
            return whole.length > 512 && whole.length % 512 == 1 ? Arrays.copyOf(whole, whole.length - 1) : whole;
        }
    }

    /** A recycled buffer: in objects larger than two buffers, the second 1 MiB is written as zeros. */
    static final class SecondBufferZeroed extends NaiveDirectStore {
        SecondBufferZeroed(Path root) {
            super(root);
        }

        @Override
        protected byte[] layout(List<byte[]> parts) {
            byte[] whole = super.layout(parts);
            if (whole.length > 2 * MIB) {
                Arrays.fill(whole, MIB, 2 * MIB, (byte) 0);
            }
            return whole;
        }
    }

    /** get of a whole object returns only its aligned part, as a reader that forgot the tail. */
    static final class GetDropsTail extends NaiveDirectStore {
        GetDropsTail(Path root) {
            super(root);
        }

        @Override
        public Outcome get(String key, OptionalLong offset, OptionalLong length) {
            Outcome read = super.get(key, offset, length);
            if (!read.ok() || offset.isPresent() || length.isPresent()) {
                return read;
            }
            byte[] data = read.data();
            return Outcome.success(Arrays.copyOf(data, data.length - data.length % ALIGN));
        }
    }

    /** A ranged get ignores the length: it returns everything from the offset on. */
    static final class RangeIgnoresLength extends NaiveDirectStore {
        RangeIgnoresLength(Path root) {
            super(root);
        }

        @Override
        public Outcome get(String key, OptionalLong offset, OptionalLong length) {
            return super.get(key, offset, OptionalLong.empty());
        }
    }

    /**
     * A ranged get that reads through 1 MiB buffers: for a window at an unaligned offset that
     * crosses a buffer's end, the part from the next buffer comes one byte too late.
     */
    static final class RangeMisreadAcrossBuffers extends NaiveDirectStore {
        RangeMisreadAcrossBuffers(Path root) {
            super(root);
        }

        @Override
        public Outcome get(String key, OptionalLong offset, OptionalLong length) {
            Outcome read = super.get(key, offset, length);
            long from = offset.orElse(0);
            long boundary = (from / MIB + 1) * MIB;
            if (!read.ok() || offset.isEmpty() || from % ALIGN == 0 || from + read.data().length <= boundary) {
                return read;
            }
            Outcome shifted = super.get(key, OptionalLong.of(from + 1), length);
            byte[] data = read.data().clone();
            int split = (int) (boundary - from);
            int moved = Math.max(0, Math.min(data.length, shifted.data().length) - split);
            System.arraycopy(shifted.data(), split, data, split, moved);
            return Outcome.success(data);
        }
    }
}
