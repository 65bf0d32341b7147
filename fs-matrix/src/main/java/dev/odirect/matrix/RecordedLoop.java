package dev.odirect.matrix;

import dev.odirect.matrix.blocks.BlockLog;
import dev.odirect.matrix.blocks.FuseServer;
import dev.odirect.matrix.blocks.RecordingDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a loop cell on the block recorder: a FUSE mount of the suite's own serving the device
 * file, a loop device on it, mkfs and mount, every step with its undo. The block log goes to the
 * recording's directory and is removed with the cell unless it was kept as evidence.
 */
final class RecordedLoop {
    private RecordedLoop() {
    }

    static void make(Cell cell, Path dir, MountedCell mounted, Recording recording) throws IOException {
        Path fuse = HostProvisioner.directory(dir.resolve("blocks"), mounted);
        FuseServer server = FuseServer.mount(fuse);
        mounted.andThenUndo(server::close);
        Files.createDirectories(recording.logDirectory());
        BlockLog log = new BlockLog(recording.logDirectory().resolve(cell.name() + ".blocks"));
        mounted.andThenUndo(log::close);
        RecordingDisk disk = new RecordingDisk(log, cell.size());
        Path image = server.publish("device", disk);
        String device = HostCommands.run(LoopDevices.attach(image, cell.sector()));
        mounted.onDevice(device);
        mounted.andThenUndo(() -> detach(device));
        List<String> mkfs = new ArrayList<>(List.of("mkfs." + cell.fs()));
        mkfs.addAll(cell.mkfs());
        mkfs.add(device);
        HostCommands.run(mkfs);
        Path point = HostProvisioner.directory(dir.resolve("mnt"), mounted);
        List<String> mount = HostProvisioner.mountCommand(cell.fs(), cell.mount(), device, point);
        HostCommands.run(mount);
        mounted.andThenUndo(() -> HostProvisioner.unmount(point));
        mounted.mountedAt(point);
        Path states = HostProvisioner.directory(dir.resolve("state"), mounted);
        RecordedCell.LiveMount live = new RecordedCell.LiveMount() {
            @Override
            public Path mountPoint() {
                return point;
            }

            @Override
            public void takeDown() throws IOException {
                HostProvisioner.unmount(point);
                HostCommands.run("losetup", "-d", device);
            }

            @Override
            public void bringBack() throws IOException {
                HostCommands.run(LoopDevices.attachTo(device, image, cell.sector()));
                HostCommands.run(mount);
            }

            @Override
            public void sync() throws IOException {
                HostCommands.run("sync", "-f", point.toString());
            }
        };
        mounted.recordedBy(new RecordedCell(server, disk, new StateMounter(cell, states), live,
                cell.fs() + " of cell " + cell.name() + " on the block recorder", recording.faults()));
    }

    /** Detaches the loop device unless a crash exploration already did and could not attach it again. */
    private static void detach(String device) throws IOException {
        if (CellContainer.attached(device)) {
            HostCommands.run("losetup", "-d", device);
        }
        LoopDevices.release(device);
    }
}
