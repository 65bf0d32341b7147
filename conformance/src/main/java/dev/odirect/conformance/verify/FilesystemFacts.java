package dev.odirect.conformance.verify;

/**
 * What the suite found out about the filesystem it runs on, by looking (mountinfo, sysfs) and by
 * trying (O_DIRECT writes of growing sizes and offsets). {@code dioOffsetAlign} is 0 where O_DIRECT
 * was refused; {@code bypassesCache} is null where it could not be observed.
 */
public record FilesystemFacts(String type, String mountPoint, String source, int sectorSize, int dioMemAlign,
                              int dioOffsetAlign, boolean directAccepted, Boolean bypassesCache, String path) {

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
        return type + " on " + source + " at " + mountPoint + " (sector " + (sectorSize == 0 ? "n/a" : sectorSize)
                + ", " + direct + cache + ")";
    }
}
