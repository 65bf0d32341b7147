package dev.odirect.store.io;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Aligned direct buffers reused across a store's operations. Direct memory is freed only when the
 * garbage collector runs, so allocating one per call runs out of it long before the heap fills
 * (a 1 MiB buffer per 100-byte put); here a small object takes a small buffer and gives it back.
 * Sizes are rounded up to a power of two; at most {@code retainedBytes} of idle buffers are kept.
 * Thread-safe.
 */
public final class BufferPool {
    /** The smallest buffer handed out: one page. */
    public static final int MIN_SIZE = 4096;

    private final Map<Long, Queue<ByteBuffer>> idle = new ConcurrentHashMap<>();
    private final AtomicLong idleBytes = new AtomicLong();
    private final long retainedBytes;

    public BufferPool(long retainedBytes) {
        this.retainedBytes = retainedBytes;
    }

    /**
     * A buffer of at least {@code size} bytes (capacity rounded up to a power of two), position 0,
     * limit its capacity, starting at a multiple of {@code align} (a power of two).
     */
    public ByteBuffer acquire(int size, int align) {
        int capacity = sizeClass(size);
        Queue<ByteBuffer> sameShape = idle.get(key(capacity, align));
        ByteBuffer reused = sameShape == null ? null : sameShape.poll();
        if (reused != null) {
            idleBytes.addAndGet(-capacity);
            return reused.clear();
        }
        return AlignedBuffers.allocate(capacity, align);
    }

    /** Gives a buffer from {@link #acquire} back; the caller must not use it afterwards. */
    public void release(ByteBuffer buffer, int align) {
        int capacity = buffer.capacity();
        if (idleBytes.addAndGet(capacity) > retainedBytes) {
            idleBytes.addAndGet(-capacity);
            return;
        }
        idle.computeIfAbsent(key(capacity, align), k -> new ConcurrentLinkedQueue<>()).offer(buffer);
    }

    static int sizeClass(int size) {
        int atLeast = Math.max(size, MIN_SIZE);
        int power = Integer.highestOneBit(atLeast);
        return power == atLeast ? atLeast : power << 1;
    }

    private static long key(int capacity, int align) {
        return ((long) align << 32) | capacity;
    }
}
