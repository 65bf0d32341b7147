package dev.odirect.reports.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.suite.AllureLabels;
import dev.odirect.matrix.MatrixReport;
import dev.odirect.reports.verdict.RunView.RuleView;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The entry page of a check's or matrix's results ({@code OUT/index.html}): the run, the verdict in
 * one line, the failures grouped by likely root cause (each with its Allure test case and a replay
 * command), the matrix with every cell's recipe, and every rule not run with its reason.
 *
 * <p>It is the template {@code verdict.html} filled through jsoup's DOM, whose {@code text()} and
 * {@code attr()} escape: whatever a store says (its name, its errors) is shown as text, never markup.
 * It runs no script and requests nothing, so it opens from {@code file://} offline.
 */
public final class VerdictPage {
    public static final String FILE = MatrixReport.VERDICT_PAGE;
    private static final String TEMPLATE = "/dev/odirect/reports/verdict.html";
    private static final ObjectMapper JSON = new ObjectMapper();

    private VerdictPage() {
    }

    /** Writes OUT/index.html from OUT's matrix.json or summary.json and says where; nothing when there is neither. */
    public static Optional<Path> write(Path out, PrintStream console) throws IOException {
        Optional<RunView> run = RunView.read(out, JSON);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        AllureCaseIndex cases = AllureCaseIndex.of(out, JSON);
        Document page;
        try (InputStream template = VerdictPage.class.getResourceAsStream(TEMPLATE)) {
            page = Jsoup.parse(template, StandardCharsets.UTF_8.name(), "");
        }
        render(page, run.get(), cases, out);
        Path file = out.resolve(FILE);
        Files.writeString(file, page.outerHtml());
        console.println("verdict page: " + file);
        return Optional.of(file);
    }

    static void render(Document page, RunView run, AllureCaseIndex cases, Path out) {
        String storeName = run.store().path("name").asText(run.store().path("target").asText());
        page.title("odirect " + run.kind() + ": " + storeName + " - " + run.verdict());
        page.getElementById("title").text("odirect " + run.kind() + ": " + storeName);
        Element facts = page.getElementById("run");
        fact(facts, "store", storeName + " " + run.store().path("version").asText(""));
        fact(facts, "store as named", run.store().path("target").asText());
        fact(facts, "profile", run.profile());
        fact(facts, "seed", run.seed());
        fact(facts, run.kind().equals("matrix") ? "cells" : "directory", String.join(", ",
                run.cells().stream().map(cell -> cell.name() + " (" + cell.status() + ")").toList()));
        if (!run.note().isBlank()) {
            fact(facts, "note", run.note());
        }
        page.getElementById("verdict").text(run.verdictLine()).addClass(run.verdict());
        links(page.getElementById("links"), cases, out);
        failures(page.getElementById("failures"), run, cases);
        MatrixSection.render(page, run, cases);
    }

    private static void fact(Element list, String name, String value) {
        list.appendElement("dt").text(name);
        list.appendElement("dd").text(value);
    }

    private static void links(Element nav, AllureCaseIndex cases, Path out) {
        link(nav, out, AllureCaseIndex.REPORT, "the Allure report (every rule, its steps and evidence)");
        link(nav, out, "matrix.html", "the compatibility table alone");
        link(nav, out, "matrix.md", "as Markdown");
        link(nav, out, RunView.MATRIX_JSON, RunView.MATRIX_JSON);
        link(nav, out, RunView.SUMMARY_JSON, RunView.SUMMARY_JSON);
        link(nav, out, "bench.md", "benchmarks (bench.md)");
        link(nav, out, "charts", "benchmark charts");
        if (cases.isEmpty()) {
            nav.appendElement("span").text("no Allure report here: make it with odirect report --out " + out);
        }
    }

    private static void link(Element nav, Path out, String relative, String text) {
        if (Files.exists(out.resolve(relative))) {
            nav.appendElement("a").attr("href", relative).text(text);
        }
    }

    private static void failures(Element section, RunView run, AllureCaseIndex cases) {
        Map<String, List<RuleView>> groups = FailureGroups.of(run.failures());
        if (groups.isEmpty()) {
            section.appendElement("p").text("No rule failed or warned.");
            return;
        }
        groups.forEach((signature, failures) -> {
            Element group = section.appendElement("div").addClass("group");
            group.appendElement("h3").text(failures.size() + " × " + signature);
            Element list = group.appendElement("ul");
            for (RuleView failure : failures) {
                Element item = list.appendElement("li").addClass("failure").attr("id", anchor(failure))
                        .attr("data-cell", failure.cell()).attr("data-rule", failure.id());
                item.appendElement("strong").addClass(failure.status().value())
                        .text(failure.status().mark() + " " + failure.id() + " " + failure.level() + " in " + failure.cell());
                item.appendText(" ");
                testCase(failure, cases).ifPresent(href -> item.appendElement("a").addClass("test-case").attr("href", href)
                        .text("test case in the report"));
                item.appendElement("div").addClass("reason").text(failure.reason());
                if (!failure.replay().isBlank()) {
                    item.appendElement("div").text("replay:");
                    item.appendElement("pre").addClass("replay").text(failure.replay());
                }
            }
        });
    }

    static Optional<String> testCase(RuleView rule, AllureCaseIndex cases) {
        return cases.link(AllureLabels.historyId(rule.cell(), rule.id()));
    }

    static String anchor(RuleView rule) {
        return "failure-" + rule.cell().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + rule.id();
    }

    /** The recipe of a cell, from its facts: mkfs, mount options, sector, kernel. */
    static String recipe(JsonNode facts) {
        StringBuilder recipe = new StringBuilder();
        for (String key : List.of("fs", "mkfs", "mount", "sector", "kernel", "crash", "type", "path")) {
            String value = facts.path(key).asText("");
            if (!value.isBlank()) {
                recipe.append(recipe.length() == 0 ? "" : "; ").append(key).append(": ").append(value);
            }
        }
        return recipe.toString();
    }
}
