package dev.odirect.conformance.run;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Allure results whose failure messages and traces are shown as text: the report puts them into its
 * page as HTML, so a store's name or error (or our own "&lt;end of data&gt;") would become markup,
 * and a store named {@code <img src=x onerror=...>} would run script in whoever opens the report.
 */
public final class TextOnlyResultsWriter implements AllureResultsWriter {
    private final AllureResultsWriter files;

    public TextOnlyResultsWriter(Path allureResults) {
        this.files = new FileSystemResultsWriter(allureResults);
    }

    @Override
    public void write(TestResult result) {
        escape(result.getStatusDetails());
        escapeSteps(result.getSteps());
        files.write(result);
    }

    @Override
    public void write(TestResultContainer container) {
        files.write(container);
    }

    @Override
    public void write(String source, InputStream attachment) {
        files.write(source, attachment);
    }

    private static void escapeSteps(List<StepResult> steps) {
        for (StepResult step : steps) {
            escape(step.getStatusDetails());
            escapeSteps(step.getSteps());
        }
    }

    private static void escape(StatusDetails details) {
        if (details != null) {
            details.setMessage(escape(details.getMessage()));
            details.setTrace(escape(details.getTrace()));
        }
    }

    static String escape(String text) {
        return text == null ? null
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
