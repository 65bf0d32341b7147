package dev.odirect.reports.verdict;

import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.reports.verdict.RunView.CellView;
import dev.odirect.reports.verdict.RunView.RuleView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The verdict page's matrix: a row per cell with its recipe, the rules by cell coloured, and what did not run and why. */
final class MatrixSection {
    private MatrixSection() {
    }

    static void render(Document page, RunView run, AllureCaseIndex cases) {
        cells(page.getElementById("cells"), run);
        grid(page.getElementById("grid"), run, cases);
        notRun(page.getElementById("not-run"), run);
    }

    private static void cells(Element table, RunView run) {
        row(table.appendElement("tr"), "th", "cell", "status", "recipe (mkfs, mount, sector, kernel)", "reason");
        for (CellView cell : run.cells()) {
            Element tr = table.appendElement("tr").attr("data-cell", cell.name());
            tr.appendElement("td").text(cell.name());
            tr.appendElement("td").addClass(cell.status()).text(cell.status());
            tr.appendElement("td").text(cell.notRun() ? "not made: " + cell.reason() : VerdictPage.recipe(cell.facts()));
            tr.appendElement("td").text(cell.reason());
        }
    }

    /** Rules in the order of SPEC.md by cells; a failed rule links to its test case in the Allure report. */
    private static void grid(Element table, RunView run, AllureCaseIndex cases) {
        Element head = table.appendElement("tr");
        head.appendElement("th").text("rule");
        run.cells().forEach(cell -> head.appendElement("th").text(cell.name()));
        Map<String, Map<String, RuleView>> byRule = new LinkedHashMap<>();
        RuleCatalog.rules().keySet().forEach(id -> byRule.put(id, new LinkedHashMap<>()));
        run.cells().forEach(cell -> cell.rules().forEach(rule -> byRule.get(rule.id()).put(cell.name(), rule)));
        byRule.forEach((id, inCells) -> {
            if (inCells.isEmpty()) {
                return;
            }
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(id + " " + RuleCatalog.rule(id).orElseThrow().level());
            for (CellView cell : run.cells()) {
                Optional<RuleView> rule = Optional.ofNullable(inCells.get(cell.name()));
                Element td = tr.appendElement("td").attr("data-cell", cell.name()).attr("data-rule", id);
                rule.ifPresentOrElse(r -> status(td, r, cases), () -> td.addClass(RuleStatus.NOT_RUN.value())
                        .attr("title", "not selected in this run").text("-"));
            }
        });
    }

    private static void status(Element td, RuleView rule, AllureCaseIndex cases) {
        td.addClass(rule.status().value()).attr("title", rule.reason());
        Optional<String> testCase = VerdictPage.testCase(rule, cases);
        if (rule.failed() || testCase.isPresent() && rule.status() != RuleStatus.PASSED) {
            td.appendElement("a").attr("href", testCase.orElse("#" + VerdictPage.anchor(rule))).text(rule.status().mark());
        } else {
            td.text(rule.status().mark());
        }
    }

    /** Each reason once, with the cells and rules it holds for. */
    private static void notRun(Element list, RunView run) {
        Map<String, StringBuilder> byReason = new LinkedHashMap<>();
        run.cells().stream().filter(CellView::notRun).forEach(cell ->
                byReason.computeIfAbsent("cell " + cell.name() + " not run: " + cell.reason(), r -> new StringBuilder()));
        for (CellView cell : run.cells()) {
            for (RuleView rule : cell.rules()) {
                if (List.of(RuleStatus.NOT_RUN, RuleStatus.NOT_APPLICABLE, RuleStatus.WAIVED).contains(rule.status())
                        && !cell.notRun()) {
                    StringBuilder where = byReason.computeIfAbsent(rule.status().words() + ": " + rule.reason(),
                            r -> new StringBuilder());
                    where.append(where.length() == 0 ? "" : ", ").append(rule.id()).append(" in ").append(cell.name());
                }
            }
        }
        if (byReason.isEmpty()) {
            list.appendElement("li").text("Every selected rule ran in every cell.");
        }
        byReason.forEach((reason, where) -> {
            Element item = list.appendElement("li").addClass("skip");
            item.appendElement("span").text(reason);
            if (where.length() > 0) {
                item.appendElement("div").addClass("reason").text(where.toString());
            }
        });
    }

    private static void row(Element tr, String tag, String... cells) {
        for (String cell : cells) {
            tr.appendElement(tag).text(cell);
        }
    }
}
