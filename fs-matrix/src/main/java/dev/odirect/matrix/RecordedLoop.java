package dev.odirect.matrix;

import dev.odirect.matrix.blocks.BlockLog;
import dev.odirect.matrix.blocks.FuseServer;
import dev.odirect.matrix.blocks.RecordingDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
        LiveDevice live = new LiveDevice(cell, image, HostProvisioner.directory(dir.resolve("mnt"), mounted));
        mounted.andThenUndo(live::detach);
        mounted.onDevice(live.attach());
        requireVolatileCache(live.device());
        HostCommands.run(cell.mkfsCommand(live.device()));
        live.mount();
        mounted.andThenUndo(() -> HostProvisioner.unmountIfMounted(live.mountPoint()));
        mounted.mountedAt(live.mountPoint());
        Path states = HostProvisioner.directory(dir.resolve("state"), mounted);
        StateMounter mounter = new StateMounter(cell, states);
        mounted.andThenUndo(mounter::abandon);
        mounted.recordedBy(new RecordedCell(server, disk, mounter, live,
                cell.fs() + " of cell " + cell.name() + " on the block recorder", recording.faults(),
                fuseServer -> FaultyCellFilesystem.make(cell, fuseServer, dir)));
    }

    /**
     * The crash model needs the filesystem to order its writes with flushes: a loop device that
     * reported a write-through cache or FUA would make writes durable that the log shows unflushed.
     */
    static void requireVolatileCache(String device) throws IOException {
        Path queue = Path.of("/sys/block", Path.of(device).getFileName().toString(), "queue");
        String cache = Files.readString(queue.resolve("write_cache")).trim();
        String fua = Files.readString(queue.resolve("fua")).trim();
        if (!cache.equals("write back") || !fua.equals("0")) {
            throw new IOException("the loop device on the block recorder reports write_cache='" + cache + "' and fua="
                    + fua + ": crash states need a volatile write cache without FUA; run with --crash shutdown");
        }
    }

    /**
     * The recorded filesystem's loop device and mount. Exploring detaches the device (no two devices
     * with one filesystem id at once) and attaches a free one again, which may have another name.
     */
    static final class LiveDevice implements RecordedCell.LiveMount {
        private final Cell cell;
        private final Path image;
        private final Path point;
        private String device = "";

        LiveDevice(Cell cell, Path image, Path point) {
            this.cell = cell;
            this.image = image;
            this.point = point;
        }

        String attach() throws IOException {
            device = LoopDevices.attachImage(image, cell.sector());
            return device;
        }

        String device() {
            return device;
        }

        void mount() throws IOException {
            HostCommands.run(HostProvisioner.mountCommand(cell.fs(), cell.mount(), device, point));
        }

        /** Detaches the device if it still holds this cell's image (never another process's). */
        void detach() throws IOException {
            if (!device.isEmpty() && HostCommands.attachedTo(device).equals(Optional.of(image))) {
                HostCommands.run("losetup", "-d", device);
            }
            LoopDevices.release(device);
            device = "";
        }

        @Override
        public Path mountPoint() {
            return point;
        }

        /** Never lazily: a filesystem something still holds would live on beside its crash states. */
        @Override
        public void takeDown() throws IOException {
            HostCommands.run("umount", point.toString());
            String held = device;
            detach();
            if (HostCommands.attachedTo(held).equals(Optional.of(image))) {
                throw new IOException(held + " is still attached to the cell's device after losetup -d (something holds it)");
            }
        }

        @Override
        public void bringBack() throws IOException {
            attach();
            mount();
        }

        @Override
        public void sync() throws IOException {
            HostCommands.run("sync", "-f", point.toString());
        }
    }
}
