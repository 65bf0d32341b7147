package dev.odirect.matrix;

import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.RuleResult;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.run.TextOnlyResultsWriter;
import dev.odirect.conformance.suite.AllureLabels;
import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.conformance.suite.RuleNotRun;
import io.qameta.allure.AllureLifecycle;
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
        AllureLifecycle allure = new AllureLifecycle(new TextOnlyResultsWriter(allureResults));
        // the trace names the type, as an aborted rule's does, so the report's categories sort it as not run
        StatusDetails details = new StatusDetails().setMessage(why).setTrace(new RuleNotRun(why).toString());
        long now = System.currentTimeMillis();
        for (RuleCatalog.Rule rule : rules) {
            String uuid = UUID.randomUUID().toString();
            String method = rule.test().substring(rule.test().indexOf('#') + 1);
            allure.scheduleTestCase(new TestResult().setUuid(uuid).setName(method)
                    .setFullName(CheckRunner.RULES_PACKAGE + "." + rule.test())
                    .setHistoryId(AllureLabels.historyId(cell, rule.id()))
                    .setTestCaseId(AllureLabels.historyId(cell, rule.id()))
                    .setDescription(AllureLabels.description(rule))
                    .setLabels(new ArrayList<>(AllureLabels.asLabels(AllureLabels.of(rule, cell))))
                    .setStatus(Status.SKIPPED).setStatusDetails(details).setStart(now).setStop(now));
            allure.startTestCase(uuid);
            allure.stopTestCase(uuid);
            allure.writeTestCase(uuid);
        }
    }
}
