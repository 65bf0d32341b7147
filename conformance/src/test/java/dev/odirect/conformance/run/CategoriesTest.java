package dev.odirect.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.evidence.Category;
import dev.odirect.conformance.evidence.Failure;
import dev.odirect.conformance.evidence.Observation;
import dev.odirect.conformance.suite.RuleNotApplicable;
import dev.odirect.conformance.suite.RuleNotRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each failure falls into exactly one Allure category, decided by its value's category (the token its
 * trace starts with), never by the English of its message; warnings, the suite's own errors and rules
 * that did not run have categories of their own.
 */
class CategoriesTest {
    @TempDir
    Path results;

    /** As Allure matches them: status, then the message and trace patterns a category has. */
    List<String> categoriesOf(String status, String message, String trace) throws IOException {
        AllureRunFiles.write(results, "odirect check", new dev.odirect.conformance.suite.CiLinks(java.util.Map.of()));
        JsonNode categories = new ObjectMapper().readTree(Files.readString(results.resolve("categories.json")));
        List<String> matched = new ArrayList<>();
        for (JsonNode category : categories) {
            List<String> statuses = new ArrayList<>();
            category.path("matchedStatuses").forEach(value -> statuses.add(value.asText()));
            boolean statusMatches = statuses.isEmpty() || statuses.contains(status);
            if (statusMatches && matches(category.path("messageRegex"), message) && matches(category.path("traceRegex"), trace)) {
                matched.add(category.path("name").asText());
            }
        }
        return matched;
    }

    private static boolean matches(JsonNode regex, String text) {
        return regex.isMissingNode() || Pattern.compile(regex.asText()).matcher(text).matches();
    }

    /** A failure whose words say "crash" and "EINVAL" whatever its category: the words must not decide. */
    static Failure failure(Category category) {
        return new Failure("DURABLE-2", "MUST", "xfs", Failure.Phase.CHECK, Observation.of(category,
                "after a crash: put answered EINVAL; expected 4096 bytes, found 0 bytes"), "s 1", "xfs", List.of("put k -> ok"),
                "odirect check --rule DURABLE-2", "", null);
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void everyFailureHasExactlyTheCategoryOfItsValue(Category category) throws IOException {
        Failure failure = failure(category);
        String trace = category.traceLine() + "\norg.opentest4j.AssertionFailedError: ...\n\tat x.y(Z.java:1)";
        assertEquals(List.of(category.title()), categoriesOf("failed", failure.render(), trace));
    }

    @Test
    void acknowledgedBeforeSyncedIsNotALossAfterACrash() {
        assertFalse(Category.NOT_SYNCED.title().contains("crash"), Category.NOT_SYNCED.title());
    }

    @Test
    void warningsAndTheSuitesOwnErrorsHaveTheirOwnCategories() throws IOException {
        String trace = Category.WRONG_SIZE.traceLine() + "\n...";
        assertEquals(List.of("SHOULD not met (warning)"), categoriesOf(Category.WARNING_STATUS, "m", trace));
        assertEquals(List.of("Suite error"), categoriesOf(Category.SUITE_ERROR_STATUS, "suite error: coverage", "x"));
    }

    @Test
    void rulesThatDidNotRunAreSortedByTheirExceptionsType() throws IOException {
        Throwable notRun = new RuleNotRun("no crash hook");
        Throwable notApplicable = new RuleNotApplicable("store x does not offer abort");
        assertEquals(List.of("Not run: not proven"), categoriesOf("skipped", notRun.getMessage(), notRun.toString()));
        assertEquals(List.of("Not applicable"),
                categoriesOf("skipped", notApplicable.getMessage(), notApplicable.toString()));
    }
}
