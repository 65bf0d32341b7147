package dev.odirect.store.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A filesystem on a loop device backed by a sparse image, for tests that need a real device
 * with a given sector size (or a small one that fills up). Needs root; {@link #unavailable}
 * says why not when it cannot be made here. Closing unmounts, detaches and deletes everything.
 */
public final class LoopFilesystem implements AutoCloseable {
    private final Path workDir;
    private final Path image;
    private final Path mountPoint;
    private String device;
    private String mountOptions = "";
    private boolean mounted;

    private LoopFilesystem(Path workDir) {
        this.workDir = workDir;
        this.image = workDir.resolve("fs.img");
        this.mountPoint = workDir.resolve("mnt");
    }

    /** Empty when a loop filesystem of this type can be made here, else the reason it cannot. */
    public static Optional<String> unavailable(String fsType) {
        if (!Commands.isRoot()) {
            return Optional.of("not run: needs root for losetup and mount");
        }
        if (!Files.exists(Path.of("/dev/loop-control"))) {
            return Optional.of("not run: no /dev/loop-control (loop devices unavailable)");
        }
        if (Commands.tool("mkfs." + fsType).isEmpty()) {
            return Optional.of("not run: mkfs." + fsType + " is not installed");
        }
        return Optional.empty();
    }

    public static LoopFilesystem create(String fsType, int sectorSize, long imageBytes, List<String> mkfsOptions,
                                        String mountOptions) throws IOException {
        LoopFilesystem fs = new LoopFilesystem(Files.createTempDirectory("odirect-loop-"));
        try {
            fs.setUp(fsType, sectorSize, imageBytes, mkfsOptions, mountOptions);
            return fs;
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    private void setUp(String fsType, int sectorSize, long imageBytes, List<String> mkfsOptions, String mountOptions)
            throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(imageBytes);
        }
        device = Commands.run("losetup", "--find", "--show", "--sector-size", Integer.toString(sectorSize),
                image.toString()).trim();
        List<String> mkfs = new ArrayList<>(List.of("mkfs." + fsType));
        mkfs.addAll(mkfsOptions);
        mkfs.add(device);
        Commands.run(mkfs.toArray(String[]::new));
        Files.createDirectories(mountPoint);
        this.mountOptions = mountOptions;
        mount();
    }

    private void mount() throws IOException {
        List<String> mount = new ArrayList<>(List.of("mount"));
        if (!mountOptions.isEmpty()) {
            mount.addAll(List.of("-o", mountOptions));
        }
        mount.addAll(List.of(device, mountPoint.toString()));
        Commands.run(mount.toArray(String[]::new));
        mounted = true;
    }

    /** Empty when {@link #crash()} can be done here (ext4 and xfs), else the reason it cannot. */
    public static Optional<String> cannotCrash() {
        return Commands.tool("xfs_io").isPresent() ? Optional.empty()
                : Optional.of("not run: xfs_io (xfsprogs) is not installed to shut the filesystem down");
    }

    /**
     * A forced shutdown after its journal is flushed, as a power cut right after the last sync: what
     * the journal holds survives, nothing written later does. Unmount and {@link #remount()} to recover.
     */
    public void crash() throws IOException {
        Commands.run("xfs_io", "-x", "-c", "shutdown -f", mountPoint.toString());
    }

    /** Unmounts and mounts again: after {@link #crash()}, recovery replays the journal. */
    public void remount() throws IOException {
        Commands.run("umount", mountPoint.toString());
        mounted = false;
        mount();
    }

    public Path mountPoint() {
        return mountPoint;
    }

    public String device() {
        return device;
    }

    /** A fresh empty directory on the filesystem. */
    public Path newDirectory(String name) throws IOException {
        return Files.createDirectories(mountPoint.resolve(name));
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        if (mounted) {
            try {
                Commands.run("umount", mountPoint.toString());
                mounted = false;
            } catch (IOException e) {
                first = e;
            }
        }
        if (device != null && !mounted) {
            try {
                Commands.run("losetup", "-d", device);
                device = null;
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (!mounted) {
            Files.deleteIfExists(mountPoint);
            Files.deleteIfExists(image);
            Files.deleteIfExists(workDir);
        }
        if (first != null) {
            throw first;
        }
    }
}
