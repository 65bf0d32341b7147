package dev.odirect.store.io;

import dev.odirect.store.StoreIOException;
import dev.odirect.store.posix.Syscalls;
import java.util.Optional;

/**
 * Allocates a streamed file ahead of its writes. A direct write past the end of a file makes xfs
 * and ext4 wait for the writes before it (the file's size moves only when they complete), so
 * overlapped writes would run one at a time; inside an allocated size they run together, as fio's
 * writes do in the file it lays out first. The file is cut to its real size before it is synced.
 * A filesystem that refuses (full, or no fallocate) only stops the allocation: the writes go on
 * and report their own errors.
 */
final class Preallocation {
    private static final System.Logger LOG = System.getLogger("dev.odirect.store");
    /** A stream of unknown size is allocated this much at a time at least, so it costs few calls. */
    static final long MIN_STEP = 16L << 20;

    private final Syscalls sys;
    private final OpenedFile file;
    private final long step;
    private long allocatedEnd;
    private boolean attempted;
    private boolean stopped;

    /** {@code step}: bytes allocated per call (a put's whole size, or a stream's share). */
    Preallocation(Syscalls sys, OpenedFile file, long step) {
        this.sys = sys;
        this.file = file;
        this.step = step;
    }

    /** Makes sure the file is allocated up to {@code end} before a write reaches it. */
    void cover(long end) {
        if (stopped || end <= allocatedEnd) {
            return;
        }
        long newEnd = Math.max(end, allocatedEnd + step);
        attempted = true;
        Optional<String> refused = sys.preallocate(file.fd(), allocatedEnd, newEnd - allocatedEnd);
        if (refused.isPresent()) {
            stopped = true;
            LOG.log(System.Logger.Level.DEBUG, "{0}: fallocate refused ({1}); writing without allocating ahead",
                    file.path(), refused.get());
            return;
        }
        allocatedEnd = newEnd;
    }

    /**
     * Cuts what was allocated beyond the object's {@code size}. A refused fallocate may have
     * allocated part of its range and moved the file's end already (ext4 does, when it runs out of
     * space midway), so any attempt is followed by the cut.
     */
    void trimTo(long size) throws StoreIOException {
        if (attempted) {
            sys.ftruncate(file.fd(), size, file.path());
        }
    }
}
