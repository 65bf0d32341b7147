package dev.odirect.cli;

import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.reports.AllureReport;
import dev.odirect.reports.verdict.VerdictPage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The report step that check, matrix and report end with: OUT/report/index.html, trends carried over. */
final class Reports {
    private Reports() {
    }

    static void generate(List<Path> inputs, Path out, PrintStream console) throws IOException, CheckSetupException {
        Path report = out.resolve("report");
        previousSibling(out).ifPresent(previous -> carryHistory(previous, report));
        AllureReport.generate(inputs, report, console);
    }

    /** Like generate, but a missing Allure command line only costs the report, not the run. */
    static void generateAfterRun(Path out, PrintStream console) {
        generateAfterRun(out, console, false);
    }

    /**
     * After a check or matrix run: the Allure report, then the verdict page that links into it;
     * {@code --no-report} leaves the results for {@code odirect report}, and the page without links.
     */
    static void generateAfterRun(Path out, PrintStream console, boolean skipped) {
        if (skipped) {
            console.println("report: not generated (--no-report); make it with: odirect report --out " + out);
        } else {
            try {
                generate(List.of(out), out, console);
            } catch (CheckSetupException | IOException missing) {
                console.println("report: not generated: " + missing.getMessage());
            }
        }
        verdictPage(out, console);
    }

    /** OUT/index.html, the entry page; a run's results stand without it. */
    static void verdictPage(Path out, PrintStream console) {
        try {
            VerdictPage.write(out, console);
        } catch (IOException unwritable) {
            console.println("verdict page: not written: " + unwritable.getMessage());
        }
    }

    /** Default folders are new each run (target/odirect/KIND-TIMESTAMP): the trend continues from the newest sibling. */
    static Optional<Path> previousSibling(Path out) {
        Path parent = out.toAbsolutePath().getParent();
        String name = out.getFileName().toString();
        int dash = name.lastIndexOf('-', name.lastIndexOf('-') - 1);
        if (parent == null || dash < 0 || Files.isDirectory(out.resolve("report/site/history"))) {
            return Optional.empty();
        }
        String kind = name.substring(0, dash + 1);
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(p -> p.getFileName().toString().startsWith(kind) && !p.equals(out.toAbsolutePath()))
                    .filter(p -> Files.isDirectory(p.resolve("report/site/history")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static void carryHistory(Path previous, Path report) {
        try {
            Path to = Files.createDirectories(report.resolve("site/history"));
            try (Stream<Path> files = Files.list(previous.resolve("report/site/history"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException ignored) {
            // a report without the earlier trend is still a report
        }
    }
}
