package dev.odirect.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.conformance.evidence.Html;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.run.Verdict;
import dev.odirect.conformance.suite.RuleCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The compatibility table of a matrix.json: the verdict and why, one row per cell (status,
 * filesystem, sectors, alignment, whether O_DIRECT really happens and why not, rules failed, not
 * run, not applicable and waived), then every rule's status by cell.
 */
final class MatrixTable {
    private final JsonNode matrix;

    MatrixTable(JsonNode matrix) {
        this.matrix = matrix;
    }

    String title() {
        JsonNode store = matrix.path("store");
        return "Compatibility matrix: " + store.path("name").asText(store.path("target").asText()) + " "
                + store.path("version").asText("") + ", seed " + matrix.path("seed").asText() + ", profile "
                + matrix.path("profile").asText();
    }

    /** "not proven: cells not run: xfs (...)" */
    String verdict() {
        return Verdict.parse(matrix.path("verdict").asText()).words() + ": " + matrix.path("verdict_reason").asText();
    }

    List<String> header() {
        return List.of("cell", "status", "filesystem", "sector", "dio align (mem/offset)", "direct I/O",
                "crash states", "MUST failed", "SHOULD warned", "not run", "not applicable", "waived");
    }

    List<List<String>> cellRows() {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode cell : matrix.path("cells")) {
            JsonNode facts = cell.path("facts");
            boolean ran = !cell.path("status").asText().equals(CellResult.NOT_RUN);
            String mount = facts.path("mount").asText();
            rows.add(List.of(cell.path("name").asText(), cell.path("status").asText(),
                    ran ? facts.path("fs").asText() + (mount.isEmpty() ? "" : " (" + mount + ")") : "",
                    ran ? facts.path("sector").asText() : "",
                    ran ? alignment(facts) : "",
                    ran ? direct(facts) : "",
                    crashStates(facts.path("crash_states")),
                    ids(cell, status -> status == RuleStatus.FAILED), ids(cell, status -> status == RuleStatus.WARNED),
                    ran ? ids(cell, status -> status == RuleStatus.NOT_RUN) : cell.path("reason").asText(),
                    ids(cell, status -> status == RuleStatus.NOT_APPLICABLE),
                    ids(cell, status -> status == RuleStatus.WAIVED)));
        }
        return rows;
    }

    /** Rule to (cell name to status), in the order of SPEC.md. */
    Map<RuleCatalog.Rule, Map<String, RuleStatus>> ruleGrid() {
        Map<RuleCatalog.Rule, Map<String, RuleStatus>> grid = new LinkedHashMap<>();
        RuleCatalog.rules().values().forEach(rule -> grid.put(rule, new LinkedHashMap<>()));
        for (JsonNode cell : matrix.path("cells")) {
            for (JsonNode rule : cell.path("rules")) {
                grid.get(RuleCatalog.rule(rule.path("id").asText()).orElseThrow())
                        .put(cell.path("name").asText(), RuleStatus.parse(rule.path("status").asText()));
            }
        }
        grid.values().removeIf(Map::isEmpty);
        return grid;
    }

    List<String> cellNames() {
        List<String> names = new ArrayList<>();
        matrix.path("cells").forEach(cell -> names.add(cell.path("name").asText()));
        return names;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## ").append(title()).append("\n\n");
        md.append("**").append(verdict()).append("**\n\n");
        row(md, header());
        row(md, header().stream().map(h -> "---").toList());
        cellRows().forEach(r -> row(md, r.stream().map(c -> c.replace("|", "\\|")).toList()));
        Map<RuleCatalog.Rule, Map<String, RuleStatus>> grid = ruleGrid();
        if (!grid.isEmpty()) {
            md.append("\n### Rules by cell\n\n");
            List<String> head = new ArrayList<>(List.of("rule"));
            head.addAll(cellNames());
            row(md, head);
            row(md, head.stream().map(h -> "---").toList());
            grid.forEach((rule, statuses) -> {
                List<String> line = new ArrayList<>(List.of(rule.id() + " " + rule.level()));
                cellNames().forEach(name -> line.add(statuses.containsKey(name) ? statuses.get(name).mark() : ""));
                row(md, line);
            });
        }
        return md.toString();
    }

    String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;"
                        + "text-align:left;vertical-align:top}.passed{background:#dfd}.failed,.error{background:#fcc}"
                        + ".warned{background:#ffd}.not-proven,.not-run{background:#fdb}.not-applicable{background:#eee}"
                        + ".waived{background:#ddf}</style></head><body>\n<h1>")
                .append(escape(title())).append("</h1>\n<p><a href=\"").append(MatrixReport.VERDICT_PAGE)
                .append("\">The verdict page: each failure with its test case and replay, each cell's recipe, "
                        + "every rule not run with its reason</a></p>\n<p class=\"").append(escape(matrix.path("verdict").asText()))
                .append("\">").append(escape(verdict())).append("</p>\n<table><tr>");
        header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> r : cellRows()) {
            html.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                html.append(i == 1 ? "<td class=\"" + escape(r.get(i)) + "\">" : "<td>").append(escape(r.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<h2>Rules by cell</h2>\n<table><tr><th>rule</th>");
        cellNames().forEach(name -> html.append("<th>").append(escape(name)).append("</th>"));
        html.append("</tr>\n");
        ruleGrid().forEach((rule, statuses) -> {
            html.append("<tr><td>").append(escape(rule.id() + " " + rule.level())).append("</td>");
            cellNames().forEach(name -> {
                RuleStatus status = statuses.get(name);
                html.append(status == null ? "<td></td>" : "<td class=\"" + status.value() + "\">" + escape(status.mark()) + "</td>");
            });
            html.append("</tr>\n");
        });
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static String alignment(JsonNode facts) {
        String probed = facts.path("dio_mem_align").asText() + "/" + facts.path("dio_offset_align").asText();
        return facts.path("statx_dio_offset_align").isNull() || facts.path("statx_dio_offset_align").isMissingNode()
                ? probed
                : probed + " (statx " + facts.path("statx_dio_mem_align").asText() + "/"
                        + facts.path("statx_dio_offset_align").asText() + ")";
    }

    /** "182 (64 ms each)" and the filesystem checker's complaints, or nothing when the cell was not recorded. */
    private static String crashStates(JsonNode states) {
        if (states.isMissingNode() || states.isNull()) {
            return "";
        }
        int damaged = states.path("fsck_damaged").size() + states.path("not_mountable").size();
        return states.path("explored").asInt() + " (" + states.path("ms_per_state").asLong() + " ms each"
                + (damaged > 0 ? ", " + damaged + " damaged or not mountable" : "") + ")";
    }

    private static String direct(JsonNode facts) {
        return facts.path("direct").asBoolean() ? "yes"
                : "no: " + facts.path("not_direct_reason").asText() + "; stores fall back to buffered I/O";
    }

    private static String ids(JsonNode cell, Predicate<RuleStatus> which) {
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : cell.path("rules")) {
            if (which.test(RuleStatus.parse(rule.path("status").asText()))) {
                ids.add(rule.path("id").asText());
            }
        }
        return String.join(", ", ids);
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    static String escape(String text) {
        return Html.escape(text);
    }
}
