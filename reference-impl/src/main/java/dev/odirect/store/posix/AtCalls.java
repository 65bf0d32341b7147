package dev.odirect.store.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/** The *at(2) calls that jnr-posix 3.2 lacks, bound from libc through jnr-ffi as {@link Statx} is. */
final class AtCalls {
    public interface LibC {
        int openat(int dirfd, String path, int flags, int mode);

        int mkdirat(int dirfd, String path, int mode);

        int renameat(int olddirfd, String oldpath, int newdirfd, String newpath);

        int unlinkat(int dirfd, String path, int flags);

        @ssize_t long readlinkat(int dirfd, String path, byte[] buf, @size_t long bufsiz);

        int linkat(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);
    }

    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private AtCalls() {
    }

    /** Whether the entry {@code name} of the open directory is itself a symlink; false when it cannot be told. */
    static boolean isSymlink(int dirFd, String name) {
        // readlinkat answers EINVAL for anything but a symlink; one byte of its target is enough to know
        return LIBC.readlinkat(dirFd, name, new byte[1], 1) >= 0;
    }

    /** The errno that the last of these calls left on this thread. */
    static int errno() {
        return RUNTIME.getLastError();
    }

    /** For linkat. */
    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_FOLLOW = 0x400;
}
