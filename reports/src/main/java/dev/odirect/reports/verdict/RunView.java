package dev.odirect.reports.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.run.Summary;
import dev.odirect.conformance.run.Verdict;
import dev.odirect.conformance.suite.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's results as the verdict page shows them, read from {@code matrix.json} (a matrix: its cells)
 * or {@code summary.json} (a check: one column, named as its Allure suite is).
 */
record RunView(String kind, JsonNode store, String profile, String seed, String verdict, String verdictReason,
               String note, List<CellView> cells) {
    static final String MATRIX_JSON = "matrix.json";
    static final String SUMMARY_JSON = "summary.json";

    /** One column: a cell of the matrix, or the directory of a check. */
    record CellView(String name, String status, String reason, JsonNode facts, List<RuleView> rules) {
        boolean notRun() {
            return status.equals(RuleStatus.NOT_RUN.value());
        }
    }

    record RuleView(String cell, String id, RuleCatalog.Level level, RuleStatus status, String reason, String message,
                    String replay) {
        boolean failed() {
            return status == RuleStatus.FAILED || status == RuleStatus.WARNED;
        }
    }

    static Optional<RunView> read(Path out, ObjectMapper json) throws IOException {
        if (Files.isRegularFile(out.resolve(MATRIX_JSON))) {
            JsonNode matrix = json.readTree(out.resolve(MATRIX_JSON).toFile());
            List<CellView> cells = new ArrayList<>();
            for (JsonNode cell : matrix.path("cells")) {
                String name = cell.path("name").asText();
                cells.add(new CellView(name, cell.path("status").asText(), cell.path("reason").asText(), cell.path("facts"),
                        rules(name, cell.path("rules"))));
            }
            return Optional.of(of("matrix", matrix, matrix.path("note").asText(), cells));
        }
        if (Files.isRegularFile(out.resolve(SUMMARY_JSON))) {
            JsonNode summary = json.readTree(out.resolve(SUMMARY_JSON).toFile());
            String name = summary.path("cell").asText(summary.path("filesystem").path("type").asText());
            CellView only = new CellView(name, summary.path("verdict").asText(), summary.path("verdict_reason").asText(),
                    summary.path("filesystem"), rules(name, summary.path("rules")));
            return Optional.of(of("check", summary, "", List.of(only)));
        }
        return Optional.empty();
    }

    private static RunView of(String kind, JsonNode root, String note, List<CellView> cells) {
        return new RunView(kind, root.path("store"), root.path("profile").asText(), root.path("seed").asText(),
                root.path("verdict").asText(), root.path("verdict_reason").asText(), note, cells);
    }

    private static List<RuleView> rules(String cell, JsonNode rules) {
        List<RuleView> views = new ArrayList<>();
        for (JsonNode rule : rules) {
            views.add(new RuleView(cell, rule.path("id").asText(), RuleCatalog.Level.valueOf(rule.path("level").asText()),
                    RuleStatus.parse(rule.path("status").asText()), rule.path("reason").asText(),
                    rule.path("message").asText(), rule.path(Summary.REPLAY).asText("")));
        }
        return views;
    }

    List<RuleView> failures() {
        return cells.stream().flatMap(cell -> cell.rules().stream()).filter(RuleView::failed).toList();
    }

    /** "failed: 14 MUST failed, 3 SHOULD warned, 2 MUST not verified: why" */
    String verdictLine() {
        List<RuleView> all = cells.stream().flatMap(cell -> cell.rules().stream()).toList();
        long mustFailed = all.stream().filter(r -> r.status() == RuleStatus.FAILED).count();
        long shouldWarned = all.stream().filter(r -> r.status() == RuleStatus.WARNED).count();
        long notVerified = all.stream().filter(r -> r.level() == RuleCatalog.Level.MUST && r.status() == RuleStatus.NOT_RUN)
                .count();
        return Verdict.parse(verdict).words() + ": " + mustFailed + " MUST failed, " + shouldWarned + " SHOULD warned, "
                + notVerified + " MUST not verified" + (verdictReason.isBlank() ? "" : ": " + verdictReason);
    }
}
