package dev.odirect.conformance.verify;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The suite's own view of what a store left on disk: {@code root/key} read through a fresh
 * descriptor, after asking the kernel to drop the file's clean cached pages, so the bytes come
 * from the device where they can. Never the store's {@code get}.
 */
public final class DiskView {
    private final Path root;

    public DiskView(Path root) {
        this.root = root;
    }

    public Path fileOf(String key) {
        return root.resolve(key);
    }

    /** The object's bytes, or empty when there is no regular file for the key. */
    public Optional<byte[]> read(String key) {
        Path file = fileOf(key);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            dropCachedPages(file);
            byte[] data = new byte[Math.toIntExact(raf.length())];
            raf.readFully(data);
            return Optional.of(data);
        } catch (NoSuchFileException | FileNotFoundException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("the suite could not read " + file, e);
        }
    }

    /** Removes a verified object behind the store's back, to keep long properties small on disk. */
    public void remove(String key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("the suite could not remove " + fileOf(key), e);
        }
    }

    /** Every path under the root, hidden files included, relative to it. */
    public List<String> everything() {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the suite could not list " + root, e);
        }
    }

    /** The regular files that are not objects of {@code keys}, each as {@code path (size bytes)}: what the store left beside them. */
    public List<String> filesBeside(Set<String> keys) {
        return everything().stream().filter(path -> !keys.contains(path))
                .filter(path -> Files.isRegularFile(root.resolve(path), LinkOption.NOFOLLOW_LINKS))
                .map(path -> path + " (" + sizeOf(path) + " bytes)").toList();
    }

    private long sizeOf(String path) {
        try {
            return Files.size(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException("the suite could not read the size of " + root.resolve(path), e);
        }
    }

    /** Regular files whose names do not start with a dot: what looks like a complete object. */
    public List<String> visibleObjects() {
        return everything().stream()
                .filter(p -> Files.isRegularFile(root.resolve(p), LinkOption.NOFOLLOW_LINKS))
                .filter(p -> Stream.of(p.split("/")).noneMatch(segment -> segment.startsWith(".")))
                .toList();
    }

    /** Drops the clean cached pages of the key's file, as {@link #read} does before it reads. */
    public void dropCachedPages(String key) {
        dropCachedPages(fileOf(key));
    }

    /** POSIX_FADV_DONTNEED on a descriptor of our own; dirty pages stay, which is what the kernel has. */
    static void dropCachedPages(Path file) {
        int fd = LinuxIo.POSIX.open(file.toString(), 0, 0);
        if (fd >= 0) {
            LinuxIo.LIBC.posix_fadvise(fd, 0, 0, LinuxIo.POSIX_FADV_DONTNEED);
            LinuxIo.POSIX.close(fd);
        }
    }
}
