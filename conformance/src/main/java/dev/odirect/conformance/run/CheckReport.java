package dev.odirect.conformance.run;

import java.nio.file.Path;
import java.util.List;

/** The outcome of a check: each rule's result, where the outputs went, and the exit status. */
public record CheckReport(List<RuleResult> results, Path out, Summary summary) {
    public static final int OK = 0;
    public static final int MUST_FAILED = 1;
    public static final int SETUP_ERROR = 2;

    public int exitStatus() {
        return results.stream().anyMatch(RuleResult::mustFailed) ? MUST_FAILED : OK;
    }

    public long count(String status) {
        return results.stream().filter(result -> result.status().equals(status)).count();
    }
}
