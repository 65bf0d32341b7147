package dev.odirect.matrix;

import dev.odirect.conformance.crash.Exploration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A cell's crash-state exploration as facts of the cell: how many states, how long each, what the filesystem's checker said. */
final class CrashStateFacts {
    private CrashStateFacts() {
    }

    static Map<String, Object> of(Exploration explored) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("explored", explored.explored());
        facts.put("seconds", explored.millis() / 1000.0);
        facts.put("ms_per_state", explored.millisPerState());
        facts.put("failing", explored.states().stream().filter(judged -> judged.verdict().findings() > 0).count());
        facts.put("not_mountable", explored.unmountable());
        facts.put("fsck_damaged", explored.fsckProblems());
        facts.put("log", explored.log());
        return facts;
    }
}
