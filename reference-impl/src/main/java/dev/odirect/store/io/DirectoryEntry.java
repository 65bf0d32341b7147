package dev.odirect.store.io;

import dev.odirect.store.StoreIOException;
import java.nio.file.Path;

/** A name in an open directory: an object or a temporary file, always reached through the directory. */
public record DirectoryEntry(Directory directory, String name) {

    public int open(int flags, int mode, String call) throws StoreIOException {
        return directory.open(name, flags, mode, call);
    }

    /** For messages; an O_TMPFILE file, opened through "." and nameless, is shown as its directory. */
    public Path path() {
        return name.equals(".") ? directory.path() : directory.pathOf(name);
    }
}
