package dev.odirect.matrix;

import dev.odirect.conformance.crash.FaultyFilesystem;
import dev.odirect.matrix.blocks.BlockLog;
import dev.odirect.matrix.blocks.DeviceFaults;
import dev.odirect.matrix.blocks.FuseServer;
import dev.odirect.matrix.blocks.RecordingDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A cell's kind of filesystem, made anew on a recording device of the cell's FUSE server, for faults. */
final class FaultyCellFilesystem implements FaultyFilesystem {
    private static final AtomicInteger MADE = new AtomicInteger();

    private final RecordingDisk disk;
    private final Path mountPoint;
    private final UndoStack undo = new UndoStack();

    private FaultyCellFilesystem(RecordingDisk disk, Path mountPoint) {
        this.disk = disk;
        this.mountPoint = mountPoint;
    }

    static FaultyFilesystem make(Cell cell, FuseServer server, Path dir) throws IOException {
        String name = "faulty-" + MADE.incrementAndGet();
        Path work = Files.createDirectories(dir.resolve(name));
        BlockLog log = new BlockLog(work.resolve("blocks"));
        FaultyCellFilesystem made = new FaultyCellFilesystem(new RecordingDisk(log, cell.size()), work.resolve("mnt"));
        made.undo.push(() -> HostCommands.run("rm", "-rf", "--one-file-system", work.toString()));
        made.undo.push(log::close);
        try {
            Path file = server.publish(name, made.disk);
            made.undo.push(() -> server.withdraw(name));
            String device = LoopDevices.attachImage(file, cell.sector());
            made.undo.push(() -> {
                HostCommands.run("losetup", "-d", device);
                LoopDevices.release(device);
            });
            HostCommands.run(cell.mkfsCommand(device));
            Files.createDirectories(made.mountPoint);
            HostCommands.run(HostProvisioner.mountCommand(cell.fs(), cell.mount(), device, made.mountPoint));
            made.undo.push(() -> HostProvisioner.unmount(made.mountPoint));
            return made;
        } catch (IOException | RuntimeException failed) {
            made.close();
            throw failed;
        }
    }

    @Override
    public Path mountPoint() {
        return mountPoint;
    }

    @Override
    public void failFromNow(Fault fault) throws IOException {
        HostCommands.run("sync", "-f", mountPoint.toString());
        disk.arm(DeviceFaults.failingFrom(fault == Fault.WRITE));
    }

    @Override
    public void heal() {
        disk.arm(DeviceFaults.NONE);
    }

    @Override
    public int fired() {
        return disk.fired();
    }

    @Override
    public void close() throws IOException {
        undo.close();
    }
}
