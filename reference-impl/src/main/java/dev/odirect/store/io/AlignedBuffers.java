package dev.odirect.store.io;

import java.nio.ByteBuffer;

/** Direct memory whose address is aligned, as O_DIRECT requires of user buffers. */
public final class AlignedBuffers {
    private AlignedBuffers() {
    }

    /** A direct buffer of exactly {@code capacity} bytes starting at a multiple of {@code align}. */
    public static ByteBuffer allocate(int capacity, int align) {
        // alignedSlice also rounds the capacity down to a multiple of align: leave room for that.
        ByteBuffer raw = ByteBuffer.allocateDirect((int) alignUp(capacity, align) + align);
        return raw.alignedSlice(align).limit(capacity).slice();
    }

    public static long alignDown(long value, int align) {
        return value - Math.floorMod(value, align);
    }

    public static long alignUp(long value, int align) {
        return alignDown(value + align - 1, align);
    }

    /** A view of {@code length} bytes of {@code buffer} from {@code from}, with its own position 0. */
    public static ByteBuffer window(ByteBuffer buffer, int from, int length) {
        return buffer.duplicate().limit(from + length).position(from).slice();
    }
}
