package dev.odirect.conformance.crash;

import dev.odirect.conformance.suite.StoreTarget;
import dev.odirect.conformance.verify.DiskView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges a crash state as the crash left it (the durability rules), then, where it holds files no
 * key wrote, once more after the store opened a session on the state's root and closed it: what
 * its recovery leaves is CLEAN-3's, and an object its recovery destroys is lost. A state with no
 * such files is not reopened, so a store that makes none passes without being started again.
 */
final class ReopenCheck implements StateCheck {
    private final CrashHistory history;
    private final StoreTarget target;
    private final CrashRecorder recorder;
    private final Path root;

    /** {@code root} is the workload's root on the live filesystem; each state has its copy. */
    ReopenCheck(CrashHistory history, StoreTarget target, CrashRecorder recorder, Path root) {
        this.history = history;
        this.target = target;
        this.recorder = recorder;
        this.root = root;
    }

    @Override
    public StateVerdict check(CrashState state, Path mountPoint) {
        Path stateRoot = recorder.locate(root, mountPoint);
        DiskView disk = new DiskView(stateRoot);
        StateVerdict crashed = CrashChecker.check(history, state.point(), disk);
        if (!crashed.checked() || crashed.strays().isEmpty()) {
            return crashed;
        }
        List<String> left = new ArrayList<>();
        reopen(stateRoot).ifPresent(left::add);
        StateVerdict reopened = CrashChecker.check(history, state.point(), disk);
        if (!reopened.checked()) {
            left.add("the state could not be read after the store's reopen: " + reopened.error());
            return crashed.reopened(left, List.of());
        }
        left.addAll(reopened.strays());
        return crashed.reopened(left, reopened.lost().stream().filter(loss -> !crashed.lost().contains(loss)).toList());
    }

    /** Opens a session on the state's root and closes it; why the store could not, if it could not. */
    private Optional<String> reopen(Path stateRoot) {
        try {
            target.open(stateRoot).close();
            return Optional.empty();
        } catch (IOException | RuntimeException unopenable) {
            return Optional.of("the store could not open a session on the state: " + unopenable.getMessage());
        }
    }
}
