package dev.odirect.store;

/**
 * Settings of a store. Immutable; {@code with...} methods return changed copies.
 *
 * @param mode        direct (O_DIRECT) or buffered
 * @param bufferSize  bytes gathered before one large aligned write (rounded up to the alignment)
 * @param tail        how the unaligned last bytes are written
 * @param fallback    what to do where O_DIRECT is refused
 * @param writesInFlight buffer writes of one stream that may run while its next buffer fills (0: none)
 */
public record StoreConfig(IoMode mode, int bufferSize, TailStrategy tail, FallbackPolicy fallback, int writesInFlight) {
    /**
     * Bytes per aligned write. 4 MiB: 1 MiB chunks gathered into 4 MiB writes, three in flight, ran at
     * 1.08-1.25x fio's 1 MiB direct writes (docs/odirect-guide.md, section 2), where 1 MiB writes ran at
     * 0.86-0.98x; a stream holds one more buffer than its writes in flight, 16 MiB by default.
     */
    public static final int DEFAULT_BUFFER_SIZE = 4 << 20;
    public static final int DEFAULT_WRITES_IN_FLIGHT = 3;
    /** Each write in flight holds a buffer: a stream holds one more than this many. */
    public static final int MAX_WRITES_IN_FLIGHT = 16;
    /** Keeps one aligned buffer per writer within reason; larger I/Os gain nothing measurable here. */
    public static final int MAX_BUFFER_SIZE = 256 << 20;

    public StoreConfig {
        if (mode == null || tail == null || fallback == null) {
            throw new IllegalArgumentException("mode, tail and fallback must be set");
        }
        if (bufferSize < DioAlignment.DEFAULT_ALIGNMENT || bufferSize > MAX_BUFFER_SIZE) {
            throw new IllegalArgumentException("buffer size must be between " + DioAlignment.DEFAULT_ALIGNMENT
                    + " and " + MAX_BUFFER_SIZE + " bytes, was " + bufferSize);
        }
        if (writesInFlight < 0 || writesInFlight > MAX_WRITES_IN_FLIGHT) {
            throw new IllegalArgumentException("writes in flight must be between 0 and " + MAX_WRITES_IN_FLIGHT
                    + ", was " + writesInFlight);
        }
    }

    public static StoreConfig defaults() {
        return new StoreConfig(IoMode.DIRECT, DEFAULT_BUFFER_SIZE, TailStrategy.CLEAR_DIRECT, FallbackPolicy.BUFFERED,
                DEFAULT_WRITES_IN_FLIGHT);
    }

    public StoreConfig withMode(IoMode newMode) {
        return new StoreConfig(newMode, bufferSize, tail, fallback, writesInFlight);
    }

    public StoreConfig withBufferSize(int newBufferSize) {
        return new StoreConfig(mode, newBufferSize, tail, fallback, writesInFlight);
    }

    public StoreConfig withTail(TailStrategy newTail) {
        return new StoreConfig(mode, bufferSize, newTail, fallback, writesInFlight);
    }

    public StoreConfig withFallback(FallbackPolicy newFallback) {
        return new StoreConfig(mode, bufferSize, tail, newFallback, writesInFlight);
    }

    public StoreConfig withWritesInFlight(int newWritesInFlight) {
        return new StoreConfig(mode, bufferSize, tail, fallback, newWritesInFlight);
    }
}
