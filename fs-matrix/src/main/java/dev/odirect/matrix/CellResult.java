package dev.odirect.matrix;

import dev.odirect.conformance.run.RuleResult;
import java.util.List;
import java.util.Map;

/** One cell's outcome: passed, failed (a MUST rule failed) or not-run (with the reason), its facts and rules. */
public record CellResult(String name, String status, String reason, Map<String, Object> facts, List<RuleResult> rules) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String NOT_RUN = "not-run";

    public static CellResult notRun(String name, String reason) {
        return new CellResult(name, NOT_RUN, reason, Map.of(), List.of());
    }
}
