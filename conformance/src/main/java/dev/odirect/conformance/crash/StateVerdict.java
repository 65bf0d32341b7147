package dev.odirect.conformance.crash;

import java.util.ArrayList;
import java.util.List;

/**
 * What one crash state holds, against the history, by the rule each finding belongs to.
 *
 * @param lost        acknowledged objects missing or different (DURABLE-1)
 * @param unexpected  keys holding bytes no operation wrote (DURABLE-1)
 * @param torn        keys written at the crash holding neither their old nor their new version
 *                    (DURABLE-1 for a store that declares atomic visibility, DURABLE-3 otherwise)
 * @param resurrected keys whose acknowledged delete was undone by the crash (DURABLE-4)
 * @param strays      files no key wrote (the store's own, such as temporary files), with their sizes: reported
 * @param leftAfterReopen files no key wrote still there after the store opened a session on the state and
 *                    closed it, with their sizes, or why it could not (CLEAN-3)
 * @param error       the state could not be checked (a file unreadable), empty when it was
 */
public record StateVerdict(List<String> lost, List<String> unexpected, List<String> torn, List<String> resurrected,
                           List<String> strays, List<String> leftAfterReopen, String error) {

    public static StateVerdict unreadable(String why) {
        return new StateVerdict(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), why);
    }

    /** This verdict, with the files left after the store's reopen and the objects that reopen lost. */
    StateVerdict reopened(List<String> left, List<String> lostByReopen) {
        List<String> allLost = new ArrayList<>(lost);
        lostByReopen.stream().map(loss -> loss + ", after the store opened a session on the state").forEach(allLost::add);
        return new StateVerdict(allLost, unexpected, torn, resurrected, strays, left, error);
    }

    /** How many findings the state has, by any rule. */
    public int findings() {
        return lost.size() + unexpected.size() + torn.size() + resurrected.size() + leftAfterReopen.size();
    }

    public boolean checked() {
        return error.isEmpty();
    }
}
