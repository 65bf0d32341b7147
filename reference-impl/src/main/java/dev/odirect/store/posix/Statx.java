package dev.odirect.store.posix;

import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** statx(2) through jnr-ffi, reading only the fields the store needs. */
final class Statx {
    /** The raw fields; {@code dioMemAlign}/{@code dioOffsetAlign} are present only with STATX_DIOALIGN. */
    record Result(boolean hasDioAlign, int dioMemAlign, int dioOffsetAlign, int devMajor, int devMinor) {
    }

    public interface LibC {
        int statx(int dirfd, String path, int flags, int mask, Pointer buf);
    }

    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int STATX_TYPE = 0x1;
    private static final int STATX_DIOALIGN = 0x2000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    private static final int STRUCT_SIZE = 256;
    private static final int OFFSET_MASK = 0;
    private static final int OFFSET_MODE = 28;
    private static final int OFFSET_DEV_MAJOR = 136;
    private static final int OFFSET_DEV_MINOR = 140;
    private static final int OFFSET_DIO_MEM_ALIGN = 152;
    private static final int OFFSET_DIO_OFFSET_ALIGN = 156;

    private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private Statx() {
    }

    /** statx of an open descriptor; empty when the kernel has no statx (or refuses it). */
    static Optional<Result> ofDescriptor(int fd) {
        Pointer buffer = Memory.allocate(RUNTIME, STRUCT_SIZE);
        if (LIBC.statx(fd, "", AT_EMPTY_PATH, STATX_DIOALIGN, buffer) != 0) {
            return Optional.empty();
        }
        boolean hasDio = (buffer.getInt(OFFSET_MASK) & STATX_DIOALIGN) != 0;
        return Optional.of(new Result(hasDio,
                hasDio ? buffer.getInt(OFFSET_DIO_MEM_ALIGN) : 0,
                hasDio ? buffer.getInt(OFFSET_DIO_OFFSET_ALIGN) : 0,
                buffer.getInt(OFFSET_DEV_MAJOR), buffer.getInt(OFFSET_DEV_MINOR)));
    }

    /** Whether the entry {@code name} of the open directory is itself a symlink; false when it cannot be told. */
    static boolean isSymlink(int dirFd, String name) {
        Pointer buffer = Memory.allocate(RUNTIME, STRUCT_SIZE);
        if (LIBC.statx(dirFd, name, AT_SYMLINK_NOFOLLOW, STATX_TYPE, buffer) != 0
                || (buffer.getInt(OFFSET_MASK) & STATX_TYPE) == 0) {
            return false;
        }
        return (Short.toUnsignedInt(buffer.getShort(OFFSET_MODE)) & S_IFMT) == S_IFLNK;
    }
}
