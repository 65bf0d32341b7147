package dev.odirect.conformance.suite;

import dev.odirect.conformance.property.PropertyFailedError;
import dev.odirect.conformance.suite.RuleCatalog.Rule;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Gives each rule method its {@link RuleContext}: the rule comes from the method's name
 * ({@code required_STREAM_1_...}) and SPEC.md, the run (store, directory, seed, facts) from the
 * configuration parameters, shared by every rule of one launch. Labels the test for Allure, and
 * makes a rule not applicable where the run says so (a cell where it cannot apply).
 */
public final class ConformanceExtension implements ParameterResolver, BeforeTestExecutionCallback,
        AfterTestExecutionCallback, TestExecutionExceptionHandler {
    private static final Namespace NAMESPACE = Namespace.create(ConformanceExtension.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Optional<Rule> rule = RuleCatalog.forTestMethod(context.getRequiredTestMethod().getName());
        if (rule.isEmpty()) {
            return;
        }
        SuiteRun run = run(context);
        label(rule.get(), run);
        Optional<String> notApplicable = Optional.ofNullable(run.settings().notApplicable().get(rule.get().id()));
        if (notApplicable.isPresent()) {
            throw new RuleNotApplicable(notApplicable.get());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RuleContext.class;
    }

    @Override
    public RuleContext resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Rule rule = RuleCatalog.forTestMethod(method.getName()).orElseThrow(() -> new ParameterResolutionException(
                method.getName() + " is not named after a rule of SPEC.md (required_ID_N_... or optional_ID_N_...)"));
        if (RuleCatalog.claimedLevel(method.getName()).orElseThrow() != rule.level()) {
            throw new ParameterResolutionException(method.getName() + ": SPEC.md says " + rule.id() + " is " + rule.level());
        }
        try {
            RuleContext ruleContext = new RuleContext(rule, run(context),
                    progress -> context.publishReportEntry(RuleContext.PROGRESS, progress));
            context.getStore(NAMESPACE).put(RuleContext.class, ruleContext);
            return ruleContext;
        } catch (IOException e) {
            throw new ParameterResolutionException("cannot make a root for " + rule.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        RuleContext ruleContext = context.getStore(NAMESPACE).get(RuleContext.class, RuleContext.class);
        if (ruleContext == null) {
            return;
        }
        if (context.getExecutionException().filter(failure -> !(failure instanceof TestAbortedException)).isEmpty()) {
            ruleContext.markNothingToInspect();
        }
        AllureEvidence.record(ruleContext, context.getExecutionException()
                .filter(failure -> !(failure instanceof TestAbortedException)).orElse(null));
        context.publishReportEntry(ruleContext.reportEntries());
    }

    /**
     * Every failure reads the same way: an exception from the store or a broken adapter session gets
     * the rule, store, filesystem, operations and replay line too.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        RuleContext ruleContext = context.getStore(NAMESPACE).get(RuleContext.class, RuleContext.class);
        if (ruleContext == null || thrown instanceof TestAbortedException || isRuleFailure(thrown)) {
            throw thrown;
        }
        String what = thrown instanceof SessionBrokenException ? "the store session broke: " + thrown.getMessage()
                : thrown instanceof AssertionError ? String.valueOf(thrown.getMessage())
                : "the store threw " + thrown;
        RuleFailure failure = ruleContext.failure(what);
        failure.initCause(thrown);
        throw failure;
    }

    /** A rule's own failure, or a falsified property whose shrunk input failed with one (its message includes it). */
    private static boolean isRuleFailure(Throwable thrown) {
        return thrown instanceof RuleFailure
                || thrown instanceof PropertyFailedError && thrown.getCause() instanceof RuleFailure;
    }

    /** The run shared by every rule of this launch. */
    static SuiteRun run(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunResource.class,
                key -> new RunResource(new SuiteRun(HandedOverSettings.of(context::getConfigurationParameter))),
                RunResource.class).run();
    }

    private static void label(Rule rule, SuiteRun run) {
        String cell = run.settings().cell().orElse(run.facts().type());
        Map<String, String> labels = AllureLabels.of(rule, cell);
        Allure.getLifecycle().updateTestCase(result -> {
            result.getLabels().removeIf(label -> labels.containsKey(label.getName()));
            result.getLabels().addAll(AllureLabels.asLabels(labels));
            result.setDescription(AllureLabels.description(rule));
            result.setHistoryId(AllureLabels.historyId(cell, rule.id()));
            result.setTestCaseId(AllureLabels.historyId(cell, rule.id()));
        });
    }

    private record RunResource(SuiteRun run) implements AutoCloseable {
        @Override
        public void close() {
            run.finish();
        }
    }
}
