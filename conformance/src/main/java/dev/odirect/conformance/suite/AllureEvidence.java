package dev.odirect.conformance.suite;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a rule leaves in its Allure test case: the operations of its last attempt as steps, and on
 * failure the evidence, the operation history, the adapter's stderr and the filesystem's facts.
 */
final class AllureEvidence {
    private AllureEvidence() {
    }

    static void record(RuleContext ctx, Throwable failure) {
        List<String> operations = ctx.lastOperations();
        for (String operation : operations) {
            boolean ok = operation.endsWith("-> ok") || operation.matches(".*-> ok \\(\\d+ bytes\\)");
            Allure.step(operation, ok || !operation.contains("session broke") ? Status.PASSED : Status.BROKEN);
        }
        if (failure == null) {
            return;
        }
        // the check that failed, as the last step: red, naming the key the failure names
        RuleFailure.in(failure).ifPresent(ruleFailure -> Allure.step("check failed: " + ruleFailure.observation(),
                Status.FAILED));
        Allure.addAttachment("evidence", "text/plain", String.valueOf(failure.getMessage()), ".txt");
        Allure.addAttachment("operation history", "text/plain", String.join("\n", operations), ".txt");
        String stderr = ctx.adapterStderr();
        if (!stderr.isBlank()) {
            Allure.addAttachment("adapter stderr", "text/plain", stderr, ".txt");
        }
        Map<String, String> facts = ctx.reportEntries();
        Allure.addAttachment("filesystem facts", "text/plain", facts.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n")), ".txt");
    }
}
