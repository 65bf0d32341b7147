package dev.odirect.store.io;

import dev.odirect.store.DioAlignment;
import dev.odirect.store.DirectIoVerdict;
import dev.odirect.store.posix.Filesystem;
import java.nio.file.Path;
import java.util.Optional;

/** An open descriptor with what is known about it: its alignment, its filesystem, direct or not and why. */
public record OpenedFile(int fd, DirectoryEntry entry, DioAlignment alignment, Filesystem filesystem,
                         DirectIoVerdict directIo) {

    /** Whether the descriptor has O_DIRECT (verified or not); I/O on it must be aligned. */
    public boolean direct() {
        return directIo.oDirect();
    }

    /** Why a direct store opened this file without O_DIRECT; empty when it did not. */
    public Optional<String> fallbackReason() {
        return directIo.fallbackReason();
    }

    /** How a write to this file is counted: as the file's verdict with O_DIRECT set, buffered without it. */
    public DirectIoVerdict.Kind kindOfWrite(boolean withODirect) {
        return withODirect ? directIo.kind() : DirectIoVerdict.Kind.BUFFERED;
    }

    /** Where the file is, for messages. */
    public Path path() {
        return entry.path();
    }
}
