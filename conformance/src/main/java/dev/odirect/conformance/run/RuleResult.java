package dev.odirect.conformance.run;

import dev.odirect.conformance.suite.RuleCatalog;

/**
 * One rule's outcome in a run: {@code passed}, {@code failed} or {@code skipped}, with the reason.
 *
 * @param reason  one line: the observation of a failure, or why the rule was skipped
 * @param message the whole failure message (evidence, operations, replay), or the reason
 */
public record RuleResult(String id, RuleCatalog.Level level, String status, String reason, String message, long millis) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public boolean mustFailed() {
        return level == RuleCatalog.Level.MUST && status.equals(FAILED);
    }

    /** The reason's first line, shortened, for the console. */
    public String shortReason() {
        String line = reason.strip().lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
