package dev.odirect.matrix;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cell's filesystem, mounted: where the rules run, how to crash and recover it, and every step
 * needed to take it down again (unmount, detach, delete), run in reverse on {@link #close()}.
 */
public final class MountedCell implements AutoCloseable {
    private final Cell cell;
    private final UndoStack undo = new UndoStack();
    private Path mountPoint;
    private Optional<String> device = Optional.empty();
    private Optional<String> crashCommand = Optional.empty();
    private Optional<String> recoverCommand = Optional.empty();
    private Optional<RecordedCell> recorder = Optional.empty();

    MountedCell(Cell cell) {
        this.cell = cell;
    }

    public Cell cell() {
        return cell;
    }

    public Path mountPoint() {
        return mountPoint;
    }

    public Optional<String> device() {
        return device;
    }

    public Optional<String> crashCommand() {
        return crashCommand;
    }

    public Optional<String> recoverCommand() {
        return recoverCommand;
    }

    /** The block recorder under the cell's filesystem, when its crash states are explored. */
    public Optional<RecordedCell> recorder() {
        return recorder;
    }

    void recordedBy(RecordedCell recorded) {
        this.recorder = Optional.of(recorded);
    }

    void mountedAt(Path point) {
        this.mountPoint = point;
    }

    void onDevice(String loopDevice) {
        this.device = Optional.of(loopDevice);
    }

    void crashWith(String crash, String recover) {
        this.crashCommand = Optional.of(crash);
        this.recoverCommand = Optional.of(recover);
    }

    void andThenUndo(UndoStack.Undo step) {
        undo.push(step);
    }

    /** Tears everything down, last step first; keeps going past a failing step and reports the first. */
    @Override
    public void close() throws IOException {
        undo.close();
    }

    @Override
    public String toString() {
        return "cell " + cell.name();
    }

    /** Removes the empty directories under {@code root} and root itself if it ends empty; never a file, never a mount point. */
    static void deleteEmptyDirectories(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> tree = Files.walk(root)) {
            deepestFirst = tree.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        }
        for (Path directory : deepestFirst) {
            try {
                deleteIfEmpty(directory);
            } catch (FileSystemException busyOrNotEmpty) {
                // a mount point still in use, or a file a store left: kept, and the caller's report says where
            }
        }
    }

    static void deleteIfEmpty(Path directory) throws IOException {
        try (var left = Files.list(directory)) {
            if (left.findAny().isEmpty()) {
                Files.delete(directory);
            }
        }
    }
}
