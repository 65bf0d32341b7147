package dev.odirect.conformance.suite;

import dev.odirect.conformance.evidence.Category;
import dev.odirect.conformance.evidence.SuiteError;
import dev.odirect.conformance.suite.RuleCatalog.Rule;
import io.qameta.allure.Allure;
import java.lang.reflect.Method;
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
    /** Report-entry key of the rule's Allure test case, for summary.json. */
    public static final String ALLURE_UUID = "odirect.allure.uuid";

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Optional<Rule> rule = RuleCatalog.forTestMethod(context.getRequiredTestMethod().getName());
        if (rule.isEmpty()) {
            return;
        }
        SuiteRun run = run(context);
        Allure.getLifecycle().getCurrentTestCase().ifPresent(uuid -> {
            String cell = run.settings().cell().orElse(run.facts().type());
            RuleResultsWriter.onWrite(uuid, result -> AllureLabels.apply(result, rule.get(), cell, run.links()));
            context.publishReportEntry(ALLURE_UUID, uuid);
        });
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
        } catch (java.io.IOException e) {
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
        Allure.getLifecycle().getCurrentTestCase().ifPresent(uuid ->
                AllureEvidence.record(uuid, ruleContext, context.getExecutionException().orElse(null)));
        context.publishReportEntry(ruleContext.reportEntries());
    }

    /**
     * Every failure reads the same way: an exception from the store or a broken adapter session gets
     * the rule, store, filesystem, operations and replay line too.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        RuleContext ruleContext = context.getStore(NAMESPACE).get(RuleContext.class, RuleContext.class);
        if (ruleContext == null || thrown instanceof TestAbortedException || SuiteError.is(thrown)
                || RuleFailure.in(thrown).isPresent()) {
            throw thrown;
        }
        boolean broke = thrown instanceof SessionBrokenException || thrown.getCause() instanceof SessionBrokenException;
        RuleFailure failure = thrown instanceof AssertionError && !broke
                ? ruleContext.failure(String.valueOf(thrown.getMessage()))
                : ruleContext.failure(Category.SESSION_BROKE, broke
                        ? "the store session broke: " + thrown.getMessage() : "the store threw " + thrown);
        failure.initCause(thrown);
        throw failure;
    }

    /** The run shared by every rule of this launch. */
    static SuiteRun run(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunResource.class,
                key -> new RunResource(new SuiteRun(SuiteSettings.from(context::getConfigurationParameter))),
                RunResource.class).run();
    }

    private record RunResource(SuiteRun run) implements AutoCloseable {
        @Override
        public void close() {
            run.finish();
        }
    }
}
