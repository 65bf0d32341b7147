package dev.odirect.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What an acknowledged write did. {@code bytesDirect + bytesBuffered == size}; a non-empty
 * {@code fallbackReason} says why a direct store wrote through the page cache.
 */
public record WriteResult(String key, Path path, long size, long bytesDirect, long bytesBuffered,
                          DioAlignment alignment, TailStrategy tail, Optional<String> fallbackReason) {
}
