package dev.odirect.conformance.suite;

import dev.odirect.conformance.evidence.Failure;
import dev.odirect.conformance.evidence.Html;
import dev.odirect.conformance.evidence.SuiteError;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * What a rule leaves in its Allure test case: the operations of the execution that failed (of the
 * last one when it passed) as steps, the failing check as a red step with what was expected and
 * found, and on failure the operation history, that execution's adapter stderr and the filesystem's
 * facts; the status and details follow the failure value.
 */
final class AllureEvidence {
    private AllureEvidence() {
    }

    static void record(String uuid, RuleContext ctx, Throwable thrown) {
        Optional<Failure> failure = RuleFailure.valueIn(thrown);
        List<String> operations = failure.map(Failure::operations).orElseGet(ctx::lastOperations);
        operations.forEach(operation -> step(operation, operation.endsWith("-> session broke") ? Status.BROKEN
                : Status.PASSED, null));
        // the check that failed, last and red, naming what it looked at (the key the failure names)
        failure.ifPresent(found -> step((found.phase() == Failure.Phase.SETUP ? "setup check: " : "check: ")
                + found.observation().what() + ": " + found.observation().signature(), Status.FAILED,
                found.observation().describe()));
        if (thrown != null && !(thrown instanceof TestAbortedException)) {
            Allure.addAttachment("operation history", "text/plain", String.join("\n", operations), ".txt");
            String stderr = failure.map(Failure::adapterStderr).orElseGet(ctx::adapterStderr);
            if (!stderr.isBlank()) {
                Allure.addAttachment("adapter stderr", "text/plain", stderr, ".txt");
            }
            Map<String, String> facts = ctx.reportEntries();
            Allure.addAttachment("filesystem facts", "text/plain", facts.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n")), ".txt");
        }
        if (thrown != null) {
            RuleResultsWriter.onWrite(uuid, result -> present(result, thrown, failure));
        }
    }

    /** Status and details from what happened, never from the message's words. */
    static void present(TestResult result, Throwable thrown, Optional<Failure> failure) {
        if (failure.isPresent()) {
            Failure found = failure.get();
            result.setStatus(Status.FAILED); // RuleResultsWriter writes a SHOULD rule's as a warning
            result.setStatusDetails(new StatusDetails().setMessage(Html.escape(found.render()))
                    .setTrace(found.category().traceLine() + "\n" + Html.escape(stackTrace(thrown))));
        } else if (SuiteError.is(thrown)) {
            result.setStatus(Status.BROKEN);
            result.setStatusDetails(new StatusDetails().setMessage(Html.escape(SuiteError.REASON_PREFIX + thrown.getMessage()))
                    .setTrace(Html.escape(stackTrace(thrown))));
        } else if (thrown instanceof TestAbortedException) {
            result.setStatusDetails(new StatusDetails().setMessage(Html.escape(thrown.getMessage()))
                    .setTrace(Html.escape(thrown.toString())));
        }
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static void step(String name, Status status, String detail) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        lifecycle.startStep(uuid, new StepResult().setName(name).setStatus(status)
                .setStatusDetails(detail == null ? null : new StatusDetails().setMessage(Html.escape(detail))));
        lifecycle.stopStep(uuid);
    }
}
