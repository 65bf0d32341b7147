package dev.odirect.conformance.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.conformance.suite.RuleContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs the rule classes against a store, as `odirect check` does, and reports per rule id. */
final class SuiteHarness {
    private static final String RULES = "dev.odirect.conformance.rules";

    private SuiteHarness() {
    }

    /** A rule's outcome: status and, when not passed, the reason. */
    record Result(String status, String message) {
        @Override
        public String toString() {
            return status + (message.isEmpty() ? "" : ": " + message);
        }
    }

    static Map<String, Result> run(Map<String, String> parameters) {
        return runSelected(parameters, List.of(selectPackage(RULES)));
    }

    /** One rule only. */
    static Result runRule(Map<String, String> parameters, String ruleId) {
        return run(parameters, List.of(ruleId)).get(ruleId);
    }

    /** Only the rules with these ids. */
    static Map<String, Result> run(Map<String, String> parameters, Collection<String> ruleIds) {
        return runSelected(parameters, ruleIds.stream().map(id -> {
            String[] test = RuleCatalog.rule(id).orElseThrow().test().split("#");
            return selectMethod(RULES + "." + test[0], test[1], RuleContext.class.getName());
        }).toList());
    }

    private static Map<String, Result> runSelected(Map<String, String> parameters, List<? extends DiscoverySelector> selectors) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectors.toArray(DiscoverySelector[]::new))
                .configurationParameters(parameters)
                .execute();
        Map<String, Result> byRule = new LinkedHashMap<>();
        results.testEvents().finished().stream().forEach(event -> byRule.put(ruleOf(event), result(event)));
        results.testEvents().skipped().stream().forEach(event -> byRule.put(ruleOf(event),
                new Result("skipped", event.getPayload(String.class).orElse(""))));
        return byRule;
    }

    /** The message, or for an unexpected exception its type and where it came from. */
    private static String describe(Throwable failure) {
        if (failure instanceof AssertionError && failure.getMessage() != null) {
            return failure.getMessage();
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static String ruleOf(Event event) {
        String name = event.getTestDescriptor().getLegacyReportingName().replaceAll("\\(.*", "");
        return RuleCatalog.forTestMethod(name).map(RuleCatalog.Rule::id).orElse(name);
    }

    private static Result result(Event event) {
        TestExecutionResult result = event.getPayload(TestExecutionResult.class).orElseThrow();
        Optional<Throwable> cause = result.getThrowable();
        return switch (result.getStatus()) {
            case SUCCESSFUL -> new Result("passed", "");
            case ABORTED -> new Result("skipped", cause.map(Throwable::getMessage).orElse(""));
            case FAILED -> new Result("failed", cause.map(SuiteHarness::describe).orElse(""));
        };
    }
}
