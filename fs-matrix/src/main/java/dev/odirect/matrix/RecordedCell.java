package dev.odirect.matrix;

import dev.odirect.conformance.crash.CrashPoints;
import dev.odirect.conformance.crash.CrashRecorder;
import dev.odirect.conformance.crash.CrashState;
import dev.odirect.conformance.crash.Exploration;
import dev.odirect.conformance.crash.FaultyFilesystem;
import dev.odirect.conformance.crash.StateCheck;
import dev.odirect.matrix.blocks.CrashStates;
import dev.odirect.matrix.blocks.DeviceFaults;
import dev.odirect.matrix.blocks.FuseServer;
import dev.odirect.matrix.blocks.RecordingDisk;
import dev.odirect.matrix.blocks.StatePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cell's filesystem on the block recorder: a loop device on a file the suite serves through
 * FUSE, every write and flush of it in the block log. Exploring unmounts the filesystem,
 * detaches its loop device (so no two devices with one filesystem id are ever seen together),
 * mounts each crash state on a loop device of its own, checks it, and puts everything back.
 */
public final class RecordedCell implements CrashRecorder {
    /** The live filesystem, as an exploration takes it down and brings it back. */
    public interface LiveMount {
        Path mountPoint();

        void takeDown() throws IOException;

        void bringBack() throws IOException;

        /** Writes back everything of the filesystem and flushes its device (syncfs). */
        void sync() throws IOException;

        /** Where the files of {@code live}, a directory beneath {@link #mountPoint()}, lie in a state mounted at {@code stateMount}. */
        default Path locate(Path live, Path stateMount) {
            return stateMount.resolve(mountPoint().relativize(live).toString());
        }
    }

    /** Makes a fresh filesystem of the cell's kind whose device fails on demand. */
    @FunctionalInterface
    interface FaultyMaker {
        FaultyFilesystem make(FuseServer server) throws IOException;
    }

    private final FuseServer server;
    private final RecordingDisk disk;
    private final StateMounter mounter;
    private final LiveMount live;
    private final String description;
    private final DeviceFaults faults;
    private final FaultyMaker faulty;
    private volatile Exploration last;

    RecordedCell(FuseServer server, RecordingDisk disk, StateMounter mounter, LiveMount live, String description,
                 DeviceFaults faults, FaultyMaker faulty) {
        this.server = server;
        this.disk = disk;
        this.mounter = mounter;
        this.live = live;
        this.description = description;
        this.faults = faults;
        this.faulty = faulty;
    }

    /** The same recorder seen through a filesystem stacked on the recorded one (an overlay's merged directory). */
    RecordedCell through(LiveMount stacked, String stackedDescription) {
        return new RecordedCell(server, disk, mounter, stacked, stackedDescription, faults, faulty);
    }

    LiveMount live() {
        return live;
    }

    /** The last exploration, for the cell's facts. */
    public Optional<Exploration> lastExploration() {
        return Optional.ofNullable(last);
    }

    /** Removes the block log unless a crash state had findings or could not be mounted: then it is the evidence. */
    void discardLogUnlessFailing() {
        boolean evidence = last != null && (!last.unmountable().isEmpty()
                || last.states().stream().anyMatch(judged -> judged.verdict().findings() > 0));
        if (!evidence) {
            try {
                Files.deleteIfExists(disk.log().file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the block log " + disk.log().file(), e);
            }
        }
    }

    @Override
    public int begin(String label) {
        try {
            live.sync();
            disk.arm(faults);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + live.mountPoint() + " before the crash workload", e);
        }
        return mark(label);
    }

    @Override
    public Optional<String> trouble() {
        return server.failure().map(failure -> "the block recorder failed: " + failure.getMessage());
    }

    @Override
    public FaultyFilesystem faultyFilesystem() throws IOException {
        return faulty.make(server);
    }

    @Override
    public int mark(String label) {
        try {
            return disk.log().mark(label).seq();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the block log " + disk.log().file(), e);
        }
    }

    @Override
    public Path locate(Path liveDirectory, Path stateMount) {
        return live.locate(liveDirectory, stateMount);
    }

    @Override
    public Exploration explore(CrashPoints points, StateCheck check, Progress progress) {
        long start = System.nanoTime();
        trouble().ifPresent(why -> {
            throw new UncheckedIOException(new IOException(why));
        });
        CrashStates states = new CrashStates(disk.log(), disk.size(), points, mounter.sector());
        List<StatePlan> plans = states.plans();
        List<Exploration.Judged> judged = new ArrayList<>();
        List<String> unmountable = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        try {
            live.takeDown();
            try {
                for (StatePlan plan : plans) {
                    CrashState state = new CrashState(judged.size() + unmountable.size() + 1, plan.point(), plan.kind(),
                            plan.describe(), mounter.replayCommand(disk.log().file(), plan));
                    String name = "state-" + state.id();
                    Path file = server.publish(name, states.device(plan));
                    try {
                        StateMounter.Outcome outcome = mounter.check(file, mount -> check.check(state, mount));
                        outcome.mountError().ifPresentOrElse(error -> unmountable.add(state + ": " + error),
                                () -> judged.add(new Exploration.Judged(state, outcome.verdict(),
                                        outcome.fsckProblem().isPresent())));
                        outcome.fsckProblem().ifPresent(problem -> damaged.add(state + ": " + problem));
                    } finally {
                        server.withdraw(name);
                    }
                    progress.done(judged.size() + unmountable.size(), plans.size());
                }
            } finally {
                live.bringBack();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("exploring the crash states of " + description + ": " + e.getMessage(), e);
        }
        last = new Exploration(judged, unmountable, damaged, (System.nanoTime() - start) / 1_000_000,
                disk.log().file().toString(), description);
        return last;
    }
}
