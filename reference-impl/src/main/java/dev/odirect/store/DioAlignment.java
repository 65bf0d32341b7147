package dev.odirect.store;

/**
 * The direct-I/O alignment of one file: memory buffers must start at a multiple of
 * {@code memAlign}, file offsets and lengths must be multiples of {@code offsetAlign}.
 * {@code source} says how it was found; a {@code offsetAlign} of 0 from statx means the
 * filesystem offers no direct I/O for that file.
 */
public record DioAlignment(int memAlign, int offsetAlign, Source source) {

    public enum Source {
        /** statx(STATX_DIOALIGN), Linux 6.1 and later. */
        STATX,
        /** The device's logical block size from sysfs. */
        BLOCK_DEVICE,
        /** Neither was available: 4096, safe for every device we know. */
        DEFAULT
    }

    public static final int DEFAULT_ALIGNMENT = 4096;

    public boolean directSupported() {
        return offsetAlign > 0;
    }

    /** The alignment I/O buffers use: the larger of the two, at least a page, as a power of two. */
    public int bufferAlign() {
        return Math.max(DEFAULT_ALIGNMENT, Math.max(memAlign, offsetAlign));
    }

    @Override
    public String toString() {
        return "mem=" + memAlign + " offset=" + offsetAlign + " (" + source.name().toLowerCase() + ")";
    }
}
