package dev.odirect.conformance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.suite.RuleCatalog;

/**
 * One rule's result in a run.
 *
 * @param outcome what the run measured (passed, failed, warned, not applicable, not run)
 * @param reason  one line: the observation of a failure, or why the rule did not apply or run
 * @param message the whole failure message (evidence, operations, replay), or the reason
 * @param waived  the rule was named in --waive
 */
public record RuleResult(String id, RuleCatalog.Level level, RuleStatus outcome, String reason, String message,
                         long millis, boolean waived) {
    private static final int SHORT_REASON = 160;

    /** The outcome, or {@link RuleStatus#WAIVED} when a waiver covers it. */
    public RuleStatus status() {
        return waived && outcome.waivable() ? RuleStatus.WAIVED : outcome;
    }

    public boolean must() {
        return level == RuleCatalog.Level.MUST;
    }

    /** A MUST rule that applies here and was not checked, unwaived: the gate cannot say "proven". */
    public boolean unproven() {
        return must() && status() == RuleStatus.NOT_RUN;
    }

    /** As summary.json and matrix.json hold it. */
    public ObjectNode writeTo(ObjectNode json) {
        return json.put("id", id).put("level", level.name()).put("status", status().value())
                .put("outcome", outcome.value()).put("reason", reason).put("waived", waived)
                .put("message", message).put("millis", millis);
    }

    /** Read back from {@link #writeTo}: a container's cell, a shard's matrix. */
    public static RuleResult from(JsonNode json) {
        return new RuleResult(json.path("id").asText(), RuleCatalog.Level.valueOf(json.path("level").asText()),
                RuleStatus.parse(json.path("outcome").asText()), json.path("reason").asText(),
                json.path("message").asText(), json.path("millis").asLong(), json.path("waived").asBoolean());
    }

    /** The reason's first line, shortened, for the console and tables. */
    public String shortReason() {
        String line = reason.strip().lines().findFirst().orElse("");
        return line.length() > SHORT_REASON ? line.substring(0, SHORT_REASON) + "..." : line;
    }
}
