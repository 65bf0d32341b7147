package dev.odirect.examples.jdk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a key's object lives: {@code root/key}. The JDK has no openat, so the key's directories are
 * walked by path, each checked not to be a symlink before it is entered or created (no other
 * process changes the root while the suite runs); the object itself is opened with NOFOLLOW_LINKS.
 */
final class Keys {
    private Keys() {
    }

    static Path objectPath(Path root, String key, boolean create) throws IOException, StoreFailure {
        if (key.isEmpty() || key.startsWith("/")) {
            throw new StoreFailure("EINVAL", "a key is a relative path: " + key);
        }
        String[] segments = key.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
                throw new StoreFailure("EINVAL", "a key's segments are names, not empty, . or ..: " + key);
            }
        }
        Path at = root;
        for (int i = 0; i < segments.length; i++) {
            at = at.resolve(segments[i]);
            refuseSymlink(at);
            if (i < segments.length - 1 && create && !Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(at);
                } catch (FileAlreadyExistsException raced) {
                    // another writer made it and may not have synced its entry yet: sync it here too
                }
                syncDirectory(at.getParent());
            }
        }
        return at;
    }

    static void refuseSymlink(Path path) throws StoreFailure {
        if (Files.isSymbolicLink(path)) {
            throw new StoreFailure("ELOOP", path + " is a symlink: keys never go through one");
        }
    }

    /** A directory's entries are durable only once the directory itself is synced. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
