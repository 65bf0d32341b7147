package dev.odirect.matrix;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a cell's filesystem on this host: a sparse image on a loop device with the cell's sector
 * size (the image on another cell's filesystem when the cell has a holder), mkfs and mount under a
 * private directory; or a tmpfs; or an overlay whose upper layer is on another cell's filesystem. Every step registers its undo before the next one starts.
 */
final class HostProvisioner {
    private HostProvisioner() {
    }

    static MountedCell provision(Cell cell, Path workDir) throws IOException {
        return provision(cell, workDir, Optional.empty());
    }

    /** With a recording, a loop cell that can crash is made on the block recorder (and an overlay's upper cell). */
    static MountedCell provision(Cell cell, Path workDir, Optional<Recording> recording) throws IOException {
        MountedCell mounted = new MountedCell(cell);
        Cleanup.register(mounted);
        try {
            switch (cell.kind()) {
                case LOOP -> {
                    if (recording.isPresent() && cell.crash()) {
                        RecordedLoop.make(cell, directory(workDir.resolve(cell.name()), mounted), mounted, recording.get());
                    } else {
                        loop(cell, workDir, mounted);
                    }
                }
                case TMPFS -> tmpfs(cell, workDir, mounted);
                case OVERLAY -> overlay(cell, workDir, mounted, recording);
                default -> throw new IllegalStateException(cell.kind().name());
            }
            return mounted;
        } catch (IOException | RuntimeException failed) {
            close(mounted, failed);
            throw failed;
        }
    }

    private static void loop(Cell cell, Path workDir, MountedCell mounted) throws IOException {
        Path dir = directory(workDir.resolve(cell.name()), mounted);
        Optional<MountedCell> holder = cell.holder().isEmpty() ? Optional.empty()
                : Optional.of(inner(cell.holder().get(), dir, mounted));
        Path image = holder.map(MountedCell::mountPoint).orElse(dir).resolve(cell.name() + ".img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(cell.size());
        }
        mounted.andThenUndo(() -> Files.deleteIfExists(image));
        String device = LoopDevices.attachImage(image, cell.sector());
        mounted.onDevice(device);
        mounted.andThenUndo(() -> HostCommands.run("losetup", "-d", device));
        HostCommands.run(cell.mkfsCommand(device));
        Path point = directory(dir.resolve("mnt"), mounted);
        HostCommands.run(mountCommand(cell.fs(), cell.mount(), device, point));
        mounted.andThenUndo(() -> unmount(point));
        mounted.mountedAt(point);
        String mount = String.join(" ", mountCommand(cell.fs(), cell.mount(), device, point));
        if (cell.crash() && holder.isEmpty()) {
            mounted.crashWith(CellAvailability.SHUTDOWN_TOOL + " -x -c shutdown " + point, "umount " + point + " && " + mount);
        } else if (cell.crash() && holder.get().crashCommand().isPresent()) {
            mounted.crashWith(holder.get().crashCommand().get(), "umount " + point + " && losetup -d " + device + " && "
                    + holder.get().recoverCommand().orElseThrow() + " && "
                    + String.join(" ", LoopDevices.attachTo(device, image, cell.sector())) + " && " + mount);
        }
    }

    /** Another cell, made in this one's directory (an overlay's upper layer, a holder) and taken down with it. */
    private static MountedCell inner(Cell cell, Path dir, MountedCell outer) throws IOException {
        return inner(cell, dir, outer, Optional.empty());
    }

    private static MountedCell inner(Cell cell, Path dir, MountedCell outer, Optional<Recording> recording)
            throws IOException {
        MountedCell inner = provision(cell, dir, recording);
        Cleanup.unregister(inner);
        outer.andThenUndo(inner::close);
        return inner;
    }

    private static void tmpfs(Cell cell, Path workDir, MountedCell mounted) throws IOException {
        Path point = directory(workDir.resolve(cell.name()), mounted);
        HostCommands.run(mountCommand("tmpfs", cell.mount(), "tmpfs", point));
        mounted.andThenUndo(() -> unmount(point));
        mounted.mountedAt(point);
    }

    /** The upper layer on another cell's filesystem, as in a container's root; a crash shuts that one down. */
    private static void overlay(Cell cell, Path workDir, MountedCell mounted, Optional<Recording> recording)
            throws IOException {
        Cell upperCell = cell.upper().orElseThrow();
        Path dir = directory(workDir.resolve(cell.name()), mounted);
        MountedCell base = inner(upperCell, dir, mounted, recording.filter(r -> cell.crash()));
        Path layers = base.mountPoint();
        Path lower = directory(dir.resolve("lower"), mounted);
        Path upper = Files.createDirectories(layers.resolve("upper"));
        Path work = Files.createDirectories(layers.resolve("work"));
        Path point = directory(dir.resolve("merged"), mounted);
        String options = "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work
                + (cell.mount().isEmpty() ? "" : "," + cell.mount());
        List<String> mount = mountCommand("overlay", options, "overlay", point);
        HostCommands.run(mount);
        mounted.andThenUndo(() -> unmountIfMounted(point));
        mounted.mountedAt(point);
        if (cell.crash() && base.crashCommand().isPresent()) {
            mounted.crashWith(base.crashCommand().get(), "umount " + point + " && "
                    + base.recoverCommand().orElseThrow() + " && " + String.join(" ", mount));
        }
        base.recorder().ifPresent(recorded -> mounted.recordedBy(recorded.through(
                new OverlayMount(recorded.live(), point, upper, mount),
                "the upper layer (" + upperCell.fs() + " of cell " + upperCell.name() + ") of overlay cell " + cell.name())));
    }

    static List<String> mountCommand(String type, String options, String source, Path point) {
        List<String> mount = new ArrayList<>(List.of("mount", "-t", type));
        if (!options.isEmpty()) {
            mount.addAll(List.of("-o", options));
        }
        mount.addAll(List.of(source, point.toString()));
        return mount;
    }

    /** Unmounts {@code point} if something is mounted there (an exploration may have taken it down). */
    static void unmountIfMounted(Path point) throws IOException {
        if (HostCommands.run("findmnt", "-rn", "-o", "TARGET").lines().anyMatch(point.toString()::equals)) {
            unmount(point);
        }
    }

    /** Unmounts; a filesystem still busy is detached lazily rather than left mounted. */
    static void unmount(Path point) throws IOException {
        try {
            HostCommands.run("umount", point.toString());
        } catch (IOException busy) {
            HostCommands.run("umount", "-l", point.toString());
        }
    }

    static Path directory(Path path, MountedCell mounted) throws IOException {
        Cleanup.refuseWhileClosing("a directory " + path);
        boolean existed = Files.isDirectory(path);
        Files.createDirectories(path);
        if (!existed) {
            mounted.andThenUndo(() -> MountedCell.deleteIfEmpty(path));
        }
        return path;
    }

    private static void close(MountedCell mounted, Exception failure) {
        try {
            mounted.close();
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        } finally {
            Cleanup.unregister(mounted);
        }
    }
}
