package dev.odirect.store.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tmpfs of a given size mounted on a fresh directory, for tests that need a filesystem that fills up. Needs root. */
public final class SmallTmpfs implements AutoCloseable {
    private final Path mountPoint;

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    public static SmallTmpfs mount(String size) throws IOException {
        Path point = Files.createTempDirectory("odirect-full-");
        try {
            Commands.run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", point.toString());
        } catch (IOException failed) {
            Files.delete(point);
            throw failed;
        }
        return new SmallTmpfs(point);
    }

    public Path mountPoint() {
        return mountPoint;
    }

    @Override
    public void close() throws IOException {
        Commands.run("umount", mountPoint.toString());
        Files.delete(mountPoint);
    }
}
