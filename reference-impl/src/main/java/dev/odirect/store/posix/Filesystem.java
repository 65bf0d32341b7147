package dev.odirect.store.posix;

import java.util.Map;
import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The filesystem an open file is on, as fstat(2) and fstatfs(2) tell it. {@code id} tells
 * filesystems apart: the device number alone does not (a new tmpfs gets the anonymous device of
 * one unmounted before it), so the fsid joins it. {@code type} is statfs's f_type magic, 0 when
 * fstatfs failed.
 */
public record Filesystem(String id, long type) {
    public interface LibC {
        int fstatfs(int fd, Pointer buf);
    }

    private static final long TMPFS_MAGIC = 0x01021994L;
    private static final long RAMFS_MAGIC = 0x858458f6L;
    /** They accept O_DIRECT but have no device to write to: every byte stays in the page cache. */
    private static final Map<Long, String> MEMORY_ONLY = Map.of(TMPFS_MAGIC, "tmpfs", RAMFS_MAGIC, "ramfs");
    private static final long UNKNOWN_TYPE = 0;
    /** Larger than struct statfs on every ABI (120 bytes on 64-bit Linux). */
    private static final int STRUCT_SIZE = 256;
    /** f_fsid follows f_type, f_bsize and five counts, each a C long in the non-LFS struct statfs. */
    private static final int LONGS_BEFORE_FSID = 7;

    private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    public static Filesystem of(int fd) {
        String device = Syscalls.deviceOf(fd).map(DeviceNumbers::toString).orElse("?");
        Pointer buffer = Memory.allocate(RUNTIME, STRUCT_SIZE);
        if (LIBC.fstatfs(fd, buffer) != 0) {
            return new Filesystem(device, UNKNOWN_TYPE);
        }
        int fsidAt = LONGS_BEFORE_FSID * RUNTIME.longSize();
        String fsid = String.format("%08x%08x", buffer.getInt(fsidAt), buffer.getInt(fsidAt + 4));
        // magic numbers are 32 bits; where a C long is 32 bits too, one with the top bit set reads negative
        long type = buffer.getNativeLong(0) & 0xffffffffL;
        return new Filesystem(device + " fsid " + fsid, type);
    }

    /** "tmpfs" or "ramfs" where O_DIRECT is accepted and the bytes stay in the page cache; empty elsewhere. */
    public Optional<String> memoryOnlyType() {
        return Optional.ofNullable(MEMORY_ONLY.get(type));
    }

    @Override
    public String toString() {
        return memoryOnlyType().orElse("f_type 0x" + Long.toHexString(type)) + ", device " + id;
    }
}
