package dev.odirect.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What an acknowledged write did. {@code bytesDirect + bytesBuffered == size}: {@code bytesDirect}
 * were written with O_DIRECT, and {@code directIo} says whether that is known to have bypassed the
 * page cache ({@link DirectIoVerdict.Kind#DIRECT_NOT_VERIFIED} on tmpfs, or without statx's word),
 * or why a direct store wrote through the page cache instead.
 */
public record WriteResult(String key, Path path, long size, long bytesDirect, long bytesBuffered,
                          DioAlignment alignment, TailStrategy tail, DirectIoVerdict directIo) {

    /** Why a direct store wrote through the page cache; empty when it did not. */
    public Optional<String> fallbackReason() {
        return directIo.fallbackReason();
    }
}
