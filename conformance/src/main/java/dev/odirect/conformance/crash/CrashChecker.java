package dev.odirect.conformance.crash;

import dev.odirect.conformance.verify.DiskView;
import dev.odirect.conformance.verify.Evidence;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a crash state against the history, key by key. A key must hold what its last operation
 * acknowledged before the crash (an object's exact bytes, or nothing after a delete), unless an
 * operation on it was in flight or had failed: then it may also hold what that operation wrote,
 * or nothing after a delete. An older acknowledged version coming back is a loss (or, after a
 * delete, a resurrection) whatever is in flight; anything else beside an operation in flight is a
 * torn write. (An empty file is never taken for an older version: a truncation in flight makes one.)
 */
public final class CrashChecker {
    private CrashChecker() {
    }

    public static StateVerdict check(CrashHistory history, int point, DiskView disk) {
        List<String> lost = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> torn = new ArrayList<>();
        List<String> resurrected = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        history.ops().forEach(op -> keys.add(op.key()));
        try {
            for (String key : keys) {
                judge(key, history.of(key), point, disk.read(key), lost, unexpected, torn, resurrected);
            }
            return new StateVerdict(lost, unexpected, torn, resurrected, disk.filesBeside(keys), List.of(), "");
        } catch (UncheckedIOException unreadable) {
            return StateVerdict.unreadable(unreadable.getMessage() + ": " + unreadable.getCause().getMessage());
        }
    }

    private static void judge(String key, List<CrashHistory.Op> ops, int point, Optional<byte[]> found,
                              List<String> lost, List<String> unexpected, List<String> torn, List<String> resurrected) {
        List<CrashHistory.Op> started = ops.stream().filter(op -> op.startedBefore(point)).toList();
        Optional<CrashHistory.Op> last = started.stream().filter(op -> op.acknowledgedBefore(point))
                .reduce((first, second) -> second);
        List<CrashHistory.Op> open = started.stream()
                .filter(op -> last.isEmpty() || op.index() > last.get().index()).toList();
        if (last.map(op -> holds(op, found)).orElse(found.isEmpty()) || open.stream().anyMatch(op -> holds(op, found))) {
            return;
        }
        String observed = found.map(bytes -> bytes.length + " bytes").orElse("no file");
        boolean older = found.filter(bytes -> bytes.length > 0).map(bytes -> started.stream()
                .filter(op -> op.acknowledgedBefore(point) && op.index() < last.map(CrashHistory.Op::index).orElse(-1))
                .anyMatch(op -> holds(op, found))).orElse(false);
        if (older && last.get().content().isEmpty()) {
            resurrected.add(key + ": deleted by #" + last.get().index() + ", found again (" + observed + ")");
        } else if (older) {
            lost.add(key + " (acknowledged by #" + last.get().index() + "): an older acknowledged version came back ("
                    + observed + " instead of " + last.get().content().get().length + ")");
        } else if (!open.isEmpty()) {
            torn.add(key + ": " + observed + ", neither " + expected(last) + " nor what "
                    + open.stream().map(op -> "#" + op.index()).toList() + " wrote");
        } else if (last.isPresent() && last.get().content().isPresent()) {
            byte[] acknowledged = last.get().content().get();
            lost.add(key + " (acknowledged by #" + last.get().index() + "): " + found
                    .flatMap(bytes -> Evidence.difference(acknowledged, bytes))
                    .orElse("missing (" + acknowledged.length + " bytes acknowledged)"));
        } else {
            unexpected.add(key + ": " + observed + ", expected " + expected(last));
        }
    }

    private static boolean holds(CrashHistory.Op op, Optional<byte[]> found) {
        return op.content().map(bytes -> found.isPresent() && Arrays.equals(bytes, found.get())).orElse(found.isEmpty());
    }

    private static String expected(Optional<CrashHistory.Op> last) {
        return last.map(op -> op.content().map(bytes -> "the " + bytes.length + " bytes #" + op.index() + " acknowledged")
                .orElse("nothing (deleted by #" + op.index() + ")")).orElse("nothing (no operation acknowledged)");
    }
}
