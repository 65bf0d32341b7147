package dev.odirect.matrix;

import dev.odirect.conformance.run.RuleResult;
import dev.odirect.conformance.evidence.Html;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.suite.AllureLabels;
import dev.odirect.conformance.suite.CiLinks;
import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.conformance.suite.RuleNotRun;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A cell this machine could not make, or made but could not check the store in: each of its rules is
 * "not run" with the reason, in matrix.json and in the Allure results as a skipped test, so the
 * report shows what was not proven instead of a blank column.
 */
final class NotRunCell {
    private NotRunCell() {
    }

    static CellResult record(Cell cell, String reason, Path cellOut) throws IOException {
        return CellResult.notRun(cell.name(), reason, rulesNotRun(cell, "cell " + cell.name() + " not run: " + reason, cellOut));
    }

    /** The cell's rules, each not run for this reason, written to its Allure results as skipped tests. */
    static List<RuleResult> rulesNotRun(Cell cell, String why, Path cellOut) throws IOException {
        List<RuleCatalog.Rule> rules = (cell.rules().isEmpty() ? List.copyOf(RuleCatalog.rules().keySet()) : cell.rules())
                .stream().map(id -> RuleCatalog.rule(id).orElseThrow()).toList();
        writeSkippedTests(cell.name(), rules, why, Files.createDirectories(cellOut.resolve("allure-results")));
        return rules.stream().map(rule -> new RuleResult(rule.id(), rule.level(), RuleStatus.NOT_RUN, why, why, 0, false))
                .toList();
    }

    private static void writeSkippedTests(String cell, List<RuleCatalog.Rule> rules, String why, Path allureResults) {
        AllureLifecycle allure = new AllureLifecycle(new FileSystemResultsWriter(allureResults));
        // the trace names the type, as an aborted rule's does, so the report's categories sort it as not run
        // Allure shows the message as HTML: the reason may quote a store's or a tool's words
        StatusDetails details = new StatusDetails().setMessage(Html.escape(why)).setTrace(Html.escape(new RuleNotRun(why).toString()));
        long now = System.currentTimeMillis();
        CiLinks links = CiLinks.fromEnvironment();
        for (RuleCatalog.Rule rule : rules) {
            String uuid = UUID.randomUUID().toString();
            TestResult result = new TestResult().setUuid(uuid).setLabels(new ArrayList<>())
                    .setStatus(Status.SKIPPED).setStatusDetails(details).setStart(now).setStop(now);
            AllureLabels.apply(result, rule, cell, links);
            allure.scheduleTestCase(result);
            allure.startTestCase(uuid);
            allure.stopTestCase(uuid);
            allure.writeTestCase(uuid);
        }
    }
}
