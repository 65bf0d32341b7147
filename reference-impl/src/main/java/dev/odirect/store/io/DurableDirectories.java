package dev.odirect.store.io;

import dev.odirect.store.ObjectKey;
import dev.odirect.store.StoreIOException;
import dev.odirect.store.posix.Syscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Creates a key's parent directories so that, once this returns, their names survive a crash. */
public final class DurableDirectories {
    private DurableDirectories() {
    }

    /** Returns the key's parent directory, creating the missing ones and fsyncing where they were added. */
    public static Path ensureParents(Syscalls sys, Path root, ObjectKey key) throws StoreIOException {
        Path directory = root;
        List<Path> grown = new ArrayList<>();
        for (String segment : key.parentSegments()) {
            Path next = directory.resolve(segment);
            try {
                sys.mkdir(next, 0755);
                grown.add(directory);
            } catch (StoreIOException exists) {
                if (!exists.errnoName().equals("EEXIST")) {
                    throw exists;
                }
                if (!Files.isDirectory(next)) {
                    throw new StoreIOException("mkdir", "ENOTDIR", 20, next, StoreIOException.NO_OFFSET,
                            "an object is in the way of key " + key);
                }
            }
            directory = next;
        }
        for (Path parent : grown) {
            sys.fsyncDirectory(parent);
        }
        return directory;
    }
}
