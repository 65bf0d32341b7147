package dev.odirect.store.posix;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * statx(2) through jnr-ffi, reading only the fields the store needs. A C library without statx
 * (glibc before 2.28) makes jnr-ffi throw a {@link LinkageError} at the call (AbstractMethodError
 * or UnsatisfiedLinkError, as it happened to bind): it is caught, logged once, and statx is not
 * called again, so that callers fall back instead.
 */
final class Statx {
    /** The raw fields; {@code dioMemAlign}/{@code dioOffsetAlign} are present only with STATX_DIOALIGN. */
    record Result(boolean hasDioAlign, int dioMemAlign, int dioOffsetAlign, DeviceNumbers device) {
    }

    public interface LibC {
        int statx(int dirfd, String path, int flags, int mask, Pointer buf);
    }

    private static final System.Logger LOG = System.getLogger("dev.odirect.store");
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int STATX_DIOALIGN = 0x2000;
    private static final int STRUCT_SIZE = 256;
    private static final int OFFSET_MASK = 0;
    private static final int OFFSET_DEV_MAJOR = 136;
    private static final int OFFSET_DEV_MINOR = 140;
    private static final int OFFSET_DIO_MEM_ALIGN = 152;
    private static final int OFFSET_DIO_OFFSET_ALIGN = 156;

    static final Statx OF_THE_C_LIBRARY = load(LibraryLoader.create(LibC.class));

    private final LibC libc;
    private final Runtime runtime;
    private final AtomicReference<String> unavailable = new AtomicReference<>();

    private Statx(LibC libc, Runtime runtime) {
        this.libc = libc;
        this.runtime = runtime;
    }

    static Statx load(LibraryLoader<LibC> loader) {
        try {
            LibC libc = loader.load("c");
            return new Statx(libc, Runtime.getRuntime(libc));
        } catch (LinkageError unloadable) {
            Statx none = new Statx(null, Runtime.getSystemRuntime());
            none.giveUp(unloadable);
            return none;
        }
    }

    /** statx of an open descriptor; empty when the C library or the kernel has no statx (or refuses it). */
    Optional<Result> ofDescriptor(int fd) {
        Pointer buffer = Memory.allocate(runtime, STRUCT_SIZE);
        if (!called(fd, buffer)) {
            return Optional.empty();
        }
        boolean hasDio = (buffer.getInt(OFFSET_MASK) & STATX_DIOALIGN) != 0;
        return Optional.of(new Result(hasDio,
                hasDio ? buffer.getInt(OFFSET_DIO_MEM_ALIGN) : 0,
                hasDio ? buffer.getInt(OFFSET_DIO_OFFSET_ALIGN) : 0,
                new DeviceNumbers(buffer.getInt(OFFSET_DEV_MAJOR), buffer.getInt(OFFSET_DEV_MINOR))));
    }

    /** Why statx cannot be called here, once a call has found out. */
    Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable.get());
    }

    private boolean called(int fd, Pointer buffer) {
        if (unavailable.get() != null) {
            return false;
        }
        try {
            return libc.statx(fd, "", AT_EMPTY_PATH, STATX_DIOALIGN, buffer) == 0;
        } catch (LinkageError missing) {
            giveUp(missing);
            return false;
        }
    }

    private void giveUp(LinkageError cause) {
        String reason = "statx is not in the C library (" + cause + ")";
        if (unavailable.compareAndSet(null, reason)) {
            LOG.log(System.Logger.Level.WARNING, "{0}: the direct I/O alignment of files comes from their device''s "
                    + "logical block size, or is the default, and direct I/O is not verified", reason);
        }
    }
}
