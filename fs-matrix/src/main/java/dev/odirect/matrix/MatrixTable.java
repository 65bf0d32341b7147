package dev.odirect.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.conformance.suite.RuleCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compatibility table of a matrix.json: one row per cell (status, filesystem, sectors,
 * alignment, whether O_DIRECT really happens and why not, failed rules), then rules by cell.
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

    List<String> header() {
        return List.of("cell", "status", "filesystem", "sector", "dio align (mem/offset)", "direct I/O",
                "MUST failed", "SHOULD failed", "not run");
    }

    List<List<String>> cellRows() {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode cell : matrix.path("cells")) {
            JsonNode facts = cell.path("facts");
            boolean ran = !cell.path("status").asText().equals(CellResult.NOT_RUN);
            rows.add(List.of(cell.path("name").asText(), cell.path("status").asText(),
                    ran ? facts.path("fs").asText() + (facts.path("mount").asText().isEmpty() ? "" : " (" + facts.path("mount").asText() + ")") : "",
                    ran ? facts.path("sector").asText() : "",
                    ran ? alignment(facts) : "",
                    ran ? direct(facts) : "",
                    ids(cell, "MUST", "failed"), ids(cell, "SHOULD", "failed"),
                    ran ? ids(cell, null, "skipped") : cell.path("reason").asText()));
        }
        return rows;
    }

    /** Rule id to (cell name to mark), in the order of SPEC.md. */
    Map<String, Map<String, String>> ruleGrid() {
        Map<String, Map<String, String>> grid = new java.util.TreeMap<>(java.util.Comparator.comparingInt(
                (String rule) -> new ArrayList<>(RuleCatalog.rules().keySet()).indexOf(rule.split(" ")[0])));
        for (JsonNode cell : matrix.path("cells")) {
            for (JsonNode rule : cell.path("rules")) {
                String mark = switch (rule.path("status").asText()) {
                    case "passed" -> "pass";
                    case "failed" -> rule.path("level").asText().equals("MUST") ? "FAIL" : "warn";
                    default -> "skip";
                };
                grid.computeIfAbsent(rule.path("id").asText() + " " + rule.path("level").asText(),
                        k -> new LinkedHashMap<>()).put(cell.path("name").asText(), mark);
            }
        }
        return grid;
    }

    List<String> cellNames() {
        List<String> names = new ArrayList<>();
        matrix.path("cells").forEach(cell -> names.add(cell.path("name").asText()));
        return names;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("## ").append(title()).append("\n\n");
        row(md, header());
        row(md, header().stream().map(h -> "---").toList());
        cellRows().forEach(r -> row(md, r.stream().map(c -> c.replace("|", "\\|")).toList()));
        Map<String, Map<String, String>> grid = ruleGrid();
        if (!grid.isEmpty()) {
            md.append("\n### Rules by cell\n\n");
            List<String> head = new ArrayList<>(List.of("rule"));
            head.addAll(cellNames());
            row(md, head);
            row(md, head.stream().map(h -> "---").toList());
            grid.forEach((rule, marks) -> {
                List<String> line = new ArrayList<>(List.of(rule));
                cellNames().forEach(name -> line.add(marks.getOrDefault(name, "")));
                row(md, line);
            });
        }
        return md.toString();
    }

    String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;"
                        + "text-align:left;vertical-align:top}.passed,.pass{background:#dfd}.failed,.FAIL{background:#fcc}"
                        + ".warn{background:#ffd}.not-run,.skip{background:#eee}</style></head><body>\n<h1>")
                .append(escape(title())).append("</h1>\n<table><tr>");
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
        ruleGrid().forEach((rule, marks) -> {
            html.append("<tr><td>").append(escape(rule)).append("</td>");
            cellNames().forEach(name -> {
                String mark = marks.getOrDefault(name, "");
                html.append("<td class=\"").append(mark).append("\">").append(mark).append("</td>");
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

    private static String direct(JsonNode facts) {
        return facts.path("direct").asBoolean() ? "yes"
                : "no: " + facts.path("not_direct_reason").asText() + "; stores fall back to buffered I/O";
    }

    private static String ids(JsonNode cell, String level, String status) {
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : cell.path("rules")) {
            if (rule.path("status").asText().equals(status) && (level == null || rule.path("level").asText().equals(level))) {
                ids.add(rule.path("id").asText());
            }
        }
        return ids.isEmpty() ? "" : String.join(", ", ids);
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
