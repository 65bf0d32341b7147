package dev.odirect.conformance.verify;

import java.util.Set;

/**
 * What the suite found out about the filesystem it runs on, by looking (mountinfo, sysfs) and by
 * trying (O_DIRECT writes of growing sizes and offsets). {@code dioOffsetAlign} is 0 where O_DIRECT
 * was refused; {@code bypassesCache} is null where it could not be observed.
 */
public record FilesystemFacts(String type, String mountPoint, String source, int sectorSize, int dioMemAlign,
                              int dioOffsetAlign, boolean directAccepted, Boolean bypassesCache, String path,
                              Integer statxDioMemAlign, Integer statxDioOffsetAlign) {
    /** Filesystems that keep files in memory only: there is no device for a sync to write back to. */
    private static final Set<String> MEMORY_ONLY = Set.of("tmpfs", "ramfs");

    public boolean memoryOnly() {
        return MEMORY_ONLY.contains(type);
    }

    /** Whether O_DIRECT really happens here: accepted, not refused by statx, not seen in the page cache. */
    public boolean direct() {
        return directAccepted && !Boolean.FALSE.equals(bypassesCache)
                && (statxDioOffsetAlign == null || statxDioOffsetAlign > 0);
    }

    /** Why O_DIRECT does not really happen here, or empty. */
    public String notDirectReason() {
        if (!directAccepted) {
            return "open(O_DIRECT) is refused (EINVAL)";
        }
        if (statxDioOffsetAlign != null && statxDioOffsetAlign == 0) {
            return "the kernel reports no direct I/O for files here (statx dio_offset_align 0)";
        }
        if (Boolean.FALSE.equals(bypassesCache)) {
            return "O_DIRECT writes are accepted but stay in the page cache";
        }
        return "";
    }

    /** The strictest alignment a store must meet here (at least 1). */
    public int alignment() {
        return Math.max(1, Math.max(dioMemAlign, dioOffsetAlign));
    }

    /** One line for failure messages. */
    public String describe() {
        String direct = directAccepted
                ? "O_DIRECT accepted, dio mem " + dioMemAlign + " / offset " + dioOffsetAlign
                : "O_DIRECT refused";
        String cache = bypassesCache == null ? "" : bypassesCache ? ", bypasses the page cache" : ", cached anyway";
        cache += statxDioOffsetAlign == null ? "" : ", statx dio " + statxDioMemAlign + "/" + statxDioOffsetAlign;
        return type + " on " + source + " at " + mountPoint + " (sector " + (sectorSize == 0 ? "n/a" : sectorSize)
                + ", " + direct + cache + ")";
    }
}
