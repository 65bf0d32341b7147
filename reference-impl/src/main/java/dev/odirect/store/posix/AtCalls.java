package dev.odirect.store.posix;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/** The *at(2) calls that jnr-posix 3.2 lacks, bound from libc through jnr-ffi as {@link Statx} is. */
final class AtCalls {
    public interface LibC {
        int openat(int dirfd, String path, int flags, int mode);

        int mkdirat(int dirfd, String path, int mode);

        int renameat(int olddirfd, String oldpath, int newdirfd, String newpath);

        int unlinkat(int dirfd, String path, int flags);

        int linkat(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);
    }

    static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    private AtCalls() {
    }

    /** The errno that the last of these calls left on this thread. */
    static int errno() {
        return RUNTIME.getLastError();
    }

    /** For linkat. */
    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_FOLLOW = 0x400;
}
