package dev.odirect.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.conformance.suite.RuleFailure;
import dev.odirect.conformance.suite.RuleNotApplicable;
import dev.odirect.conformance.suite.RuleNotRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of failure, and each kind of rule that did not run, falls into exactly one Allure category. */
class CategoriesTest {
    /** As Allure matches them: status, then the message and trace patterns a category has. */
    static List<String> categoriesOf(String status, String message, String trace) throws IOException {
        JsonNode categories = new ObjectMapper().readTree(CategoriesTest.class.getResourceAsStream(
                "/dev/odirect/conformance/categories.json"));
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

    /** The message exactly as a rule renders it. */
    static String message(String rule, String observed) {
        return new RuleFailure(RuleCatalog.rule(rule).orElseThrow(), "s 1 (python3 x.py)", "xfs", observed,
                "put k -> ok", "odirect check --adapter 'python3 x.py' --seed 1 --rule " + rule).getMessage();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "STREAM-2|object \"k\" after a stream: expected 4096 bytes, found 0 bytes; first difference at offset 0|Wrong size",
        "STREAM-1|object \"k\" after a stream: expected 2 bytes, found 2 bytes; first difference at offset 0|Persistence loss",
        "PUT-1|object \"k\" after put of 5 bytes: no file /x/k, expected 5 bytes|Persistence loss",
        "STREAM-3|write #0 of 0 bytes to h answered EINVAL (empty chunk), expected ok|Misalignment error",
        "SIZE-1|the store session broke: adapter 'x': no answer to put within 30 s|Adapter protocol error",
        "DURABLE-1|after a crash: 16 acknowledged, 3 lost [a, b, c]|Durability loss after crash",
        "DIRECT-1|8389608 of 8389608 bytes are in the page cache|Not really direct",
        "DIRECT-2|8392704 of 8389608 bytes are in the page cache right after a get|Not really direct",
        "DURABLE-2|object \"k\" right after it was acknowledged: cachestat counts 1 dirty and 0 writeback pages|Durability loss after crash",
    })
    void everyFailureHasExactlyOneCategory(String rule, String observed, String category) throws IOException {
        String message = message(rule, observed);
        assertEquals(List.of(category), categoriesOf("failed", message, message));
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
