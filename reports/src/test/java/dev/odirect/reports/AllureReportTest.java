package dev.odirect.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.SessionLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of real runs: one file that a browser shows with the run's test cases, trends kept across runs. */
class AllureReportTest {
    static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    Path check(String name, long seed) throws Exception {
        Path out = dir.resolve(name);
        CheckRunner.run(new CheckOptions(Optional.of(URI.create("direct:///")), Optional.empty(), dir, Profile.QUICK, seed,
                out, List.of("STREAM-2", "KEY-1", "ERROR-1"), Optional.empty(), Optional.empty(), Optional.empty(),
                SessionLimits.DEFAULTS, true, Optional.of("cell-" + name), Optional.empty(), java.util.Set.of(),
                java.util.Map.of()), QUIET);
        return out;
    }

    @Test
    void oneSingleFileReportFromSeveralRunsWithTheirEnvironmentsJoined() throws Exception {
        assumeTrue(AllureCommandLine.locate().isPresent(), "not run: the Allure command line is not unpacked (./mvnw package)");
        Path report = AllureReport.generate(List.of(check("a", 1), check("b", 2)), dir.resolve("report"), QUIET);
        assertEquals(dir.resolve("report/index.html"), report);
        try (var files = Files.list(dir.resolve("report"))) {
            assertEquals(List.of("index.html", "site"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String environment = Files.readString(dir.resolve("report/site/widgets/environment.json"));
        assertTrue(environment.contains("odirect-reference"), environment);
        var suites = new ObjectMapper().readTree(dir.resolve("report/site/widgets/suites.json").toFile());
        assertEquals(2, suites.path("items").size(), "one suite per cell: " + suites);
        for (Path page : List.of(report, dir.resolve("report/site/index.html"))) {
            assertFalse(Files.readString(page).contains("googletagmanager"), page + " requests an analytics host");
        }
    }

    @Test
    void theTrendGrowsAcrossRunsIntoTheSameFolder() throws Exception {
        assumeTrue(AllureCommandLine.locate().isPresent(), "not run: the Allure command line is not unpacked (./mvnw package)");
        AllureReport.generate(List.of(check("first", 1)), dir.resolve("report"), QUIET);
        AllureReport.generate(List.of(check("second", 2)), dir.resolve("report"), QUIET);
        var trend = new ObjectMapper().readTree(dir.resolve("report/site/history/history-trend.json").toFile());
        assertEquals(2, trend.size(), "two runs in the trend: " + trend);
    }

    @Test
    void nothingToReportIsAClearError() {
        assumeTrue(AllureCommandLine.locate().isPresent(), "not run: the Allure command line is not unpacked (./mvnw package)");
        CheckSetupException none = assertThrows(CheckSetupException.class,
                () -> AllureReport.generate(List.of(dir), dir.resolve("report"), QUIET));
        assertTrue(none.getMessage().contains("no allure-results folder"), none.getMessage());
    }

    @Test
    void headlessChromiumShowsTheRunsTestCases() throws Exception {
        boolean chromium = Files.isExecutable(Path.of("/usr/bin/chromium"));
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(chromium, "CI must provide Debian's chromium (.ci/run installs it)");
        }
        assumeTrue(chromium, "not run: no /usr/bin/chromium (apt-get install chromium)");
        assumeTrue(AllureCommandLine.locate().isPresent(), "not run: the Allure command line is not unpacked (./mvnw package)");
        Path report = AllureReport.generate(List.of(check("browser", 3)), dir.resolve("report"), QUIET);
        Process browser = new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-"),
                "--virtual-time-budget=15000", "--dump-dom", report.toUri() + "#suites").start();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(browser.waitFor(2, TimeUnit.MINUTES));
        for (String testCase : List.of("STREAM-2 [", "seed project streams are exact", "KEY-1 [",
                "escaping keys are refused", "ERROR-1 [", "full filesystem errors are answers")) {
            assertTrue(dom.contains(testCase), "the report page shows " + testCase);
        }
        assertFalse(dom.contains("required_STREAM_2"), "no Java method names as test names");
    }
}
