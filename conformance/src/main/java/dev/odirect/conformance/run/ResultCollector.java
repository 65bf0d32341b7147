package dev.odirect.conformance.run;

import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.suite.RuleFailure;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Turns the launcher's events into rule results, printing a line per rule as it finishes and
 * progress lines of long properties, and keeps what the rules reported about store and filesystem.
 */
final class ResultCollector implements TestExecutionListener {
    private final PrintStream console;
    private final List<RuleResult> results = new ArrayList<>();
    private final Map<String, String> facts = new HashMap<>();
    private final Map<String, Long> started = new HashMap<>();
    private long lastProgress;
    /** Progress lines are for rules that run long enough to make someone wonder. */
    private static final long PROGRESS_EVERY_NANOS = 3_000_000_000L;

    ResultCollector(PrintStream console) {
        this.console = console;
    }

    List<RuleResult> results() {
        return results;
    }

    /** Store and filesystem facts as the last rule reported them ({@code odirect.*} keys). */
    Map<String, String> facts() {
        return facts;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        started.put(test.getUniqueId(), System.nanoTime());
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (key.equals(RuleContext.PROGRESS)) {
                long now = System.nanoTime();
                long since = Math.max(lastProgress, started.getOrDefault(test.getUniqueId(), now));
                if (now - since >= PROGRESS_EVERY_NANOS) {
                    console.println("       ... " + value);
                    lastProgress = now;
                }
            } else {
                facts.put(key, value);
            }
        });
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        rule(test).ifPresent(rule -> record(new RuleResult(rule.id(), rule.level(), RuleResult.SKIPPED,
                String.valueOf(reason), String.valueOf(reason), 0)));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<RuleCatalog.Rule> rule = rule(test);
        if (rule.isEmpty()) {
            return;
        }
        long millis = (System.nanoTime() - started.getOrDefault(test.getUniqueId(), System.nanoTime())) / 1_000_000;
        String message = result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
        String reason = result.getThrowable().map(ResultCollector::reason).orElse("");
        String status = switch (result.getStatus()) {
            case SUCCESSFUL -> RuleResult.PASSED;
            case ABORTED -> RuleResult.SKIPPED;
            case FAILED -> RuleResult.FAILED;
        };
        record(new RuleResult(rule.get().id(), rule.get().level(), status, reason, message, millis));
    }

    /** What was observed, for a rule's failure; else the exception's message (a skip's reason). */
    private static String reason(Throwable thrown) {
        return RuleFailure.in(thrown).map(RuleFailure::observation).orElseGet(() -> String.valueOf(thrown.getMessage()));
    }

    private void record(RuleResult result) {
        results.add(result);
        String mark = switch (result.status()) {
            case RuleResult.PASSED -> "PASS";
            case RuleResult.FAILED -> result.level() == RuleCatalog.Level.MUST ? "FAIL" : "WARN";
            default -> "SKIP";
        };
        console.printf("%-4s %-13s %-6s %6.1fs  %s%n", mark, result.id(), result.level(), result.millis() / 1000.0,
                result.shortReason());
    }

    private static Optional<RuleCatalog.Rule> rule(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .flatMap(method -> RuleCatalog.forTestMethod(method.getMethodName()));
    }
}
