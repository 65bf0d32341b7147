package dev.odirect.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.run.CheckReport;
import dev.odirect.conformance.run.RuleResult;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.run.Summary;
import dev.odirect.conformance.run.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cell's outcome: the verdict of the check that ran there, or "not run" when the cell could not
 * be made (which leaves the matrix not proven), with the reason, the cell's facts and its rules.
 *
 * @param made    the cell was made and the check ran in it
 * @param verdict the check's verdict; not proven for a cell that was not made
 * @param replays rule id to the command that runs it again in this cell (summary.json's)
 */
public record CellResult(String name, boolean made, Verdict verdict, String reason, Map<String, Object> facts,
                         List<RuleResult> rules, Map<String, String> replays) {
    public static final String NOT_RUN = "not-run";
    static final String REPLAY = Summary.REPLAY;

    /** Without replay commands: a cell where no rule ran. */
    public CellResult(String name, boolean made, Verdict verdict, String reason, Map<String, Object> facts,
                      List<RuleResult> rules) {
        this(name, made, verdict, reason, facts, rules, Map.of());
    }

    /** passed, failed, not-proven or error as the check in the cell decided, or not-run. */
    public String status() {
        return made ? verdict.value() : NOT_RUN;
    }

    /** "not-proven (DURABLE-1 (...); waive with --waive DURABLE-1)", for the line after a cell ran. */
    String describe() {
        return status() + (reason.isEmpty() ? "" : " (" + reason + ")");
    }

    /** The replay command of each rule that failed or warned here, as the console prints them after the cell. */
    List<String> failureReplays() {
        return rules.stream().filter(rule -> rule.outcome() == RuleStatus.FAILED || rule.outcome() == RuleStatus.WARNED)
                .map(rule -> replays.get(rule.id())).filter(java.util.Objects::nonNull).toList();
    }

    static CellResult checked(String name, Map<String, Object> facts, CheckReport report) {
        return new CellResult(name, true, report.verdict().verdict(), report.verdict().detail(), facts, report.results(),
                replays(report.summary().json().path("rules")));
    }

    private static Map<String, String> replays(JsonNode rules) {
        Map<String, String> replays = new LinkedHashMap<>();
        rules.forEach(rule -> {
            if (rule.hasNonNull(REPLAY)) {
                replays.put(rule.path("id").asText(), rule.path(REPLAY).asText());
            }
        });
        return replays;
    }

    /** The store could not be checked in a cell that was made (it did not start there, say): its rules did not run. */
    static CellResult failed(String name, String reason, Map<String, Object> facts, List<RuleResult> notRun) {
        return new CellResult(name, true, Verdict.FAILED, reason, facts, notRun);
    }

    static CellResult notRun(String name, String reason, List<RuleResult> rules) {
        return new CellResult(name, false, Verdict.NOT_PROVEN, reason, Map.of(), rules);
    }

    /** As matrix.json holds it. */
    ObjectNode writeTo(ObjectNode json) {
        json.put("name", name).put("status", status()).put("verdict", verdict.value()).put("reason", reason);
        json.set("facts", MatrixReport.JSON.valueToTree(facts));
        ArrayNode array = json.putArray("rules");
        rules.forEach(rule -> {
            ObjectNode written = rule.writeTo(array.addObject());
            if (replays.containsKey(rule.id())) {
                written.put(REPLAY, replays.get(rule.id()));
            }
        });
        return json;
    }

    /** Read back from {@link #writeTo}: a container's cell, a shard's matrix. */
    static CellResult from(JsonNode json) {
        List<RuleResult> rules = new ArrayList<>();
        json.path("rules").forEach(rule -> rules.add(RuleResult.from(rule)));
        Map<String, Object> facts = new LinkedHashMap<>(MatrixReport.JSON.convertValue(json.path("facts"),
                MatrixReport.JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
        return new CellResult(json.path("name").asText(), !json.path("status").asText().equals(NOT_RUN),
                Verdict.parse(json.path("verdict").asText()), json.path("reason").asText(), facts, rules,
                replays(json.path("rules")));
    }
}
