package dev.odirect.reports.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.SessionLimits;
import dev.odirect.reports.AllureCommandLine;
import dev.odirect.reports.AllureReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdict page as people use it, in headless Chromium offline: the verdict line, a click from the
 * failed cell to its test case in the Allure report, whose red step names the key the failure names;
 * a store name made of markup shown as text; no script run, no request leaving the machine.
 */
class VerdictPageInChromiumTest {
    static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    /** Kept in target/ so CI keeps them with its output. */
    static final Path SCREENSHOTS = Path.of("target", "verdict-page");
    static final Pattern KEY = Pattern.compile("object \"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void fromTheVerdictLineToTheRedStepOfTheFailedRule() throws Exception {
        Optional<Path> chromium = HeadlessChromium.binary();
        assumeTrue(chromium.isPresent(), "not run: no chromium on the PATH (.ci/run installs the Debian package chromium)");
        assumeTrue(AllureCommandLine.locate().isPresent(), "not run: the Allure command line is not unpacked (./mvnw package)");
        Path out = dir.resolve("out");
        CheckRunner.run(new CheckOptions(Optional.of(URI.create("html-named:aligned-part-lost")), Optional.empty(), dir,
                Profile.QUICK, 7, out, List.of("STREAM-1", "KEY-1", "DURABLE-1"), Optional.empty(), Optional.empty(),
                Optional.empty(), SessionLimits.DEFAULTS, true, Optional.empty(), Optional.empty(), Set.of(), Map.of()), QUIET);
        AllureReport.generate(List.of(out), out.resolve("report"), QUIET);
        Path page = VerdictPage.write(out, QUIET).orElseThrow();

        try (HeadlessChromium browser = new HeadlessChromium(chromium.get())) {
            browser.open(page.toUri().toString());
            browser.screenshot(SCREENSHOTS.resolve("verdict.png"));
            String verdict = browser.evaluate("document.getElementById('verdict').textContent").asText();
            assertTrue(verdict.startsWith("failed: 1 MUST failed, 0 SHOULD warned, 1 MUST not verified: STREAM-1"), verdict);
            assertTrue(browser.evaluate("document.getElementById('title').textContent").asText()
                    .contains(HtmlNamedStoreProvider.NAME), "the store's name is shown as it is");
            assertEquals(0, browser.evaluate("document.images.length + document.scripts.length").asInt(),
                    "the store's name made no element");
            String reason = browser.evaluate("document.querySelector('li.failure[data-rule=\"STREAM-1\"] .reason')"
                    + ".textContent").asText();
            Matcher key = KEY.matcher(reason);
            assertTrue(key.find(), "the failure names its key: " + reason);
            assertTrue(browser.evaluate("document.querySelector('li.failure[data-rule=\"STREAM-1\"] pre.replay')"
                    + ".textContent").asText().contains("--seed 7 --rule STREAM-1"), "a replay to copy");

            browser.follow("td.failed[data-rule=\"STREAM-1\"] a");
            browser.waitUntil("document.querySelectorAll('.step .text_status_failed').length > 0");
            browser.screenshot(SCREENSHOTS.resolve("test-case.png"));
            JsonNode step = browser.evaluate("(() => { const s = [...document.querySelectorAll('.step__title')]"
                    + ".find(t => t.querySelector('.text_status_failed'));"
                    + " return {name: s.querySelector('.step__name').textContent,"
                    + " color: getComputedStyle(s.querySelector('.text_status_failed')).color}; })()");
            assertTrue(step.path("name").asText().contains("\"" + key.group(1) + "\""),
                    "the red step names " + key.group(1) + ": " + step);
            assertTrue(red(step.path("color").asText()), "the failing step is red: " + step);
            assertTrue(browser.evaluate("document.body.textContent").asText().contains("STREAM-1"));
            List<String> left = browser.events("Network.requestWillBeSent").stream()
                    .map(event -> event.path("params").path("request").path("url").asText())
                    .filter(url -> !url.startsWith("file:") && !url.startsWith("data:") && !url.startsWith("about:"))
                    .toList();
            assertEquals(List.of(), left, "requests that leave the pages");
            assertEquals(List.of(), browser.events("Page.javascriptDialogOpening"), "a dialog opened: a script ran, in "
                    + browser.evaluate("[...document.querySelectorAll('img')].map(i => i.parentElement.outerHTML"
                    + ".slice(0, 300)).join(' | ')"));
        }
    }

    private static boolean red(String rgb) {
        Matcher parts = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(rgb);
        return parts.find() && Integer.parseInt(parts.group(1)) > Integer.parseInt(parts.group(2)) + 60
                && Integer.parseInt(parts.group(1)) > Integer.parseInt(parts.group(3)) + 60;
    }
}
