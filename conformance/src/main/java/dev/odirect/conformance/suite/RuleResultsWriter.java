package dev.odirect.conformance.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.evidence.Category;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Writes Allure results with what the suite knows of each rule applied last: its name, labels and
 * links, and for a failure its status (failed, a SHOULD rule's warning as unknown, the suite's own error),
 * evidence and category token. Applied as the result is written, since the JUnit listener sets
 * status and details after the rule's own callbacks have run.
 */
public final class RuleResultsWriter implements AllureResultsWriter {
    private static final Map<String, Consumer<TestResult>> PENDING = new ConcurrentHashMap<>();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final AllureResultsWriter inner;

    public RuleResultsWriter(Path folder) {
        this.folder = folder;
        this.inner = new FileSystemResultsWriter(folder);
    }

    /** Changes the test case {@code uuid} when it is written, after the changes registered before. */
    static void onWrite(String uuid, Consumer<TestResult> change) {
        PENDING.merge(uuid, change, Consumer::andThen);
    }

    @Override
    public void write(TestResult result) {
        Optional.ofNullable(PENDING.remove(result.getUuid())).ifPresent(change -> change.accept(result));
        inner.write(result);
        if (result.getStatus() == Status.FAILED && result.getLabels().stream()
                .anyMatch(label -> label.getName().equals("tag") && label.getValue().equals(RuleCatalog.Level.SHOULD.name()))) {
            markWarning(folder.resolve(result.getUuid() + "-result.json"));
        }
    }

    /** A SHOULD rule that does not hold is a warning, out of the failed count: a status Allure's Java model lacks. */
    private static void markWarning(Path written) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(written.toFile());
            json.put("status", Category.WARNING_STATUS);
            JSON.writeValue(written.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + written + " as a warning", e);
        }
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
