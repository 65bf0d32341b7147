package dev.odirect.conformance.run;

import dev.odirect.conformance.evidence.Failure;
import dev.odirect.conformance.evidence.SuiteError;
import dev.odirect.conformance.suite.ConformanceExtension;
import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.suite.RuleFailure;
import dev.odirect.conformance.suite.RuleNotApplicable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Set<String> waivers;
    private final List<RuleResult> results = new ArrayList<>();
    private final Map<String, String> facts = new HashMap<>();
    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, String> allureUuids = new HashMap<>();
    private long lastProgress;
    /** Progress lines are for rules that run long enough to make someone wonder. */
    private static final long PROGRESS_EVERY_NANOS = 3_000_000_000L;

    ResultCollector(PrintStream console, Set<String> waivers) {
        this.console = console;
        this.waivers = waivers;
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
            if (key.equals(ConformanceExtension.ALLURE_UUID)) {
                allureUuids.put(test.getUniqueId(), value);
            } else if (key.equals(RuleContext.PROGRESS)) {
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
        rule(test).ifPresent(rule -> record(rule, RuleStatus.NOT_RUN, String.valueOf(reason), String.valueOf(reason), 0,
                Optional.empty(), null));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<RuleCatalog.Rule> rule = rule(test);
        if (rule.isEmpty()) {
            return;
        }
        long millis = (System.nanoTime() - started.getOrDefault(test.getUniqueId(), System.nanoTime())) / 1_000_000;
        Optional<Throwable> thrown = result.getThrowable();
        Optional<Failure> failure = thrown.flatMap(RuleFailure::valueIn);
        record(rule.get(), outcome(rule.get(), result), thrown.map(ResultCollector::reason).orElse(""),
                failure.map(Failure::render).orElseGet(() -> thrown.map(ResultCollector::reason).orElse("")), millis,
                failure, allureUuids.get(test.getUniqueId()));
    }

    /** By the exception's type: a rule the store (or cell) cannot have is not applicable, any other abort is not run. */
    static RuleStatus outcome(RuleCatalog.Rule rule, TestExecutionResult result) {
        return switch (result.getStatus()) {
            case SUCCESSFUL -> RuleStatus.PASSED;
            case FAILED -> result.getThrowable().filter(SuiteError::is).isPresent() ? RuleStatus.NOT_RUN
                    : rule.level() == RuleCatalog.Level.MUST ? RuleStatus.FAILED : RuleStatus.WARNED;
            case ABORTED -> result.getThrowable().filter(RuleNotApplicable.class::isInstance).isPresent()
                    ? RuleStatus.NOT_APPLICABLE : RuleStatus.NOT_RUN;
        };
    }

    /** What was observed, for a rule's failure; the suite's own error as such; else the exception's message (an abort's reason). */
    private static String reason(Throwable thrown) {
        return RuleFailure.valueIn(thrown).map(failure -> failure.observation().what())
                .orElseGet(() -> (SuiteError.is(thrown) ? SuiteError.REASON_PREFIX : "") + thrown.getMessage());
    }

    private void record(RuleCatalog.Rule rule, RuleStatus outcome, String reason, String message, long millis,
                        Optional<Failure> failure, String allureUuid) {
        RuleResult result = new RuleResult(rule.id(), rule.level(), outcome, reason, message, millis,
                waivers.contains(rule.id()), failure.orElse(null), allureUuid);
        results.add(result);
        String why = result.status() == RuleStatus.WAIVED ? outcome.words() + ": " + result.shortReason()
                : result.shortReason();
        console.printf("%-7s %-13s %-6s %6.1fs  %s%n", result.status().mark(), result.id(), result.level(),
                result.millis() / 1000.0, why);
    }

    private static Optional<RuleCatalog.Rule> rule(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .flatMap(method -> RuleCatalog.forTestMethod(method.getMethodName()));
    }
}
