package dev.odirect.matrix;

import dev.odirect.matrix.blocks.BlockLog;
import dev.odirect.matrix.blocks.CrashStates;
import dev.odirect.matrix.blocks.FuseServer;
import dev.odirect.matrix.blocks.StatePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One crash state of a kept block log, mounted again for a person to look at: the state a failing
 * DURABLE rule names, served by the block recorder on a loop device, mounted where asked.
 * {@link #close()} takes it all down.
 */
public final class StateReplay implements AutoCloseable {
    private final UndoStack undo = new UndoStack();

    /** Where and how to mount: the cell's filesystem type, sector size, device size and mount options. */
    public record Where(String fs, int sector, long size, String options, Path mountPoint) {
    }

    private final Thread onExit = new Thread(() -> {
        try {
            undo.close();
        } catch (IOException e) {
            System.err.println("odirect crash-state: cleanup failed: " + e.getMessage() + " (check 'losetup -a' and 'findmnt')");
        }
    }, "odirect-crash-state-cleanup");

    private StateReplay() {
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    public static StateReplay mount(Path logFile, String stateSpec, Where where) throws IOException {
        StatePlan plan = StatePlan.parse(stateSpec);
        StateReplay replay = new StateReplay();
        try {
            BlockLog log = BlockLog.open(logFile);
            replay.undo.push(log::close);
            Path fuse = Files.createTempDirectory("odirect-replay-");
            replay.undo.push(() -> Files.deleteIfExists(fuse));
            FuseServer server = FuseServer.mount(fuse);
            replay.undo.push(server::close);
            Path file = server.publish("state", CrashStates.replay(log, where.size(), plan));
            String device = LoopDevices.attachImage(file, where.sector());
            replay.undo.push(() -> HostCommands.run("losetup", "-d", device));
            Files.createDirectories(where.mountPoint());
            HostCommands.run(HostProvisioner.mountCommand(where.fs(), where.options(), device, where.mountPoint()));
            replay.undo.push(() -> HostProvisioner.unmount(where.mountPoint()));
            return replay;
        } catch (IOException | RuntimeException failed) {
            replay.close();
            throw failed;
        }
    }

    @Override
    public void close() throws IOException {
        undo.close();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing more to do
        }
    }
}
