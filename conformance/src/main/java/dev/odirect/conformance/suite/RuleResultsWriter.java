package dev.odirect.conformance.suite;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Writes Allure results with what the suite knows of each rule applied last: its name, labels and
 * links, and for a failure its status (failed, a SHOULD rule's warning, the suite's own error),
 * evidence and category token. Applied as the result is written, since the JUnit listener sets
 * status and details after the rule's own callbacks have run.
 */
public final class RuleResultsWriter implements AllureResultsWriter {
    private static final Map<String, Consumer<TestResult>> PENDING = new ConcurrentHashMap<>();

    private final AllureResultsWriter inner;

    public RuleResultsWriter(AllureResultsWriter inner) {
        this.inner = inner;
    }

    /** Changes the test case {@code uuid} when it is written, after the changes registered before. */
    static void onWrite(String uuid, Consumer<TestResult> change) {
        PENDING.merge(uuid, change, Consumer::andThen);
    }

    @Override
    public void write(TestResult result) {
        Optional.ofNullable(PENDING.remove(result.getUuid())).ifPresent(change -> change.accept(result));
        inner.write(result);
    }

    @Override
    public void write(TestResultContainer container) {
        inner.write(container);
    }

    @Override
    public void write(String source, InputStream attachment) {
        inner.write(source, attachment);
    }
}
