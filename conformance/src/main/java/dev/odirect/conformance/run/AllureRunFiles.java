package dev.odirect.conformance.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.evidence.Category;
import dev.odirect.conformance.suite.CiLinks;
import dev.odirect.conformance.suite.RuleNotApplicable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The files of a run's {@code allure-results} beside the test cases: {@code categories.json}, made
 * from {@link Category} (matched on the token each failure's trace starts with), and
 * {@code executor.json}, which says what ran it: the command line and the CI run, when one is known.
 */
public final class AllureRunFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Allure's executor type for a run that no known CI started. */
    static final String LOCAL = "local";

    private AllureRunFiles() {
    }

    public static void write(Path allureResults, String command, CiLinks links) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(allureResults.resolve("categories.json").toFile(),
                Category.allureCategories(JSON, RuleNotApplicable.class.getName()));
        JSON.writerWithDefaultPrettyPrinter().writeValue(allureResults.resolve("executor.json").toFile(),
                executor(command, links));
    }

    static ObjectNode executor(String command, CiLinks links) {
        ObjectNode executor = JSON.createObjectNode().put("name", "odirect").put("buildName", command);
        links.runUrl().ifPresentOrElse(url -> executor.put("type", "ci").put("buildUrl", url).put("reportUrl", url),
                () -> executor.put("type", LOCAL));
        return executor;
    }
}
