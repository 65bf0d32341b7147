package dev.odirect.conformance.run;

import dev.odirect.conformance.suite.RuleCatalog;

/** One rule's outcome in a run: {@code passed}, {@code failed} or {@code skipped}, with the reason. */
public record RuleResult(String id, RuleCatalog.Level level, String status, String message, long millis) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public boolean mustFailed() {
        return level == RuleCatalog.Level.MUST && status.equals(FAILED);
    }

    /** The first line of the message, for the console. */
    public String shortReason() {
        if (message == null || message.isEmpty()) {
            return "";
        }
        String[] lines = message.strip().split("\n");
        String line = lines.length > 3 && lines[0].startsWith("[") ? lines[3].strip() : lines[0].strip();
        line = line.replaceFirst("^observed: ", "");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
