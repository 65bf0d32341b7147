package dev.odirect.store.io;

import dev.odirect.store.DioAlignment;
import java.nio.file.Path;
import java.util.Optional;

/** An open descriptor with what is known about it: direct or not, its alignment, why it fell back. */
public record OpenedFile(int fd, DirectoryEntry entry, boolean direct, DioAlignment alignment,
                         Optional<String> fallbackReason) {

    /** Where the file is, for messages. */
    public Path path() {
        return entry.path();
    }
}
