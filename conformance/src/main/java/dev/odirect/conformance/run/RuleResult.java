package dev.odirect.conformance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.evidence.Failure;
import dev.odirect.conformance.suite.RuleCatalog;
import java.util.Optional;

/**
 * One rule's result in a run.
 *
 * @param outcome    what the run measured (passed, failed, warned, not applicable, not run)
 * @param reason     one line: the observation of a failure, or why the rule did not apply or run
 * @param message    the whole failure (its signature line and evidence), or the reason
 * @param waived     the rule was named in --waive
 * @param failure    the failure as a value, when the rule failed or warned; else null
 * @param allureUuid the rule's Allure test case ({@code <uuid>-result.json}), when it has one; else null
 */
public record RuleResult(String id, RuleCatalog.Level level, RuleStatus outcome, String reason, String message,
                         long millis, boolean waived, Failure failure, String allureUuid) {
    private static final int SHORT_REASON = 160;

    /** A result without a failure value or Allure test case (a cell that was not made). */
    public RuleResult(String id, RuleCatalog.Level level, RuleStatus outcome, String reason, String message, long millis,
                      boolean waived) {
        this(id, level, outcome, reason, message, millis, waived, null, null);
    }

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

    public Optional<Failure> failureValue() {
        return Optional.ofNullable(failure);
    }

    /**
     * As summary.json and matrix.json hold it; a failure adds {@code signature} (one line),
     * {@code category} (a stable token), {@code phase} (setup or check) and the whole value as
     * {@code failure}; {@code allure_uuid} names the rule's Allure test case.
     */
    public ObjectNode writeTo(ObjectNode json) {
        json.put("id", id).put("level", level.name()).put("status", status().value())
                .put("outcome", outcome.value()).put("reason", reason).put("waived", waived)
                .put("message", message).put("millis", millis);
        failureValue().ifPresent(found -> json.put("signature", found.signature())
                .put("category", found.category().token()).put("phase", found.phase().name().toLowerCase())
                .set("failure", found.toJson()));
        if (allureUuid != null) {
            json.put("allure_uuid", allureUuid);
        }
        return json;
    }

    /** Read back from {@link #writeTo}: a container's cell, a shard's matrix. */
    public static RuleResult from(JsonNode json) {
        JsonNode failure = json.path("failure");
        return new RuleResult(json.path("id").asText(), RuleCatalog.Level.valueOf(json.path("level").asText()),
                RuleStatus.parse(json.path("outcome").asText()), json.path("reason").asText(),
                json.path("message").asText(), json.path("millis").asLong(), json.path("waived").asBoolean(),
                failure.isObject() ? Failure.fromJson(failure) : null,
                json.hasNonNull("allure_uuid") ? json.path("allure_uuid").asText() : null);
    }

    /** One line for the console and tables: what a failure observed (setup failures say so), or the reason's first line. */
    public String shortReason() {
        String line = failureValue().map(found -> (found.phase() == Failure.Phase.SETUP ? "setup failed: " : "")
                + found.observation().signature()).orElseGet(() -> reason.strip().lines().findFirst().orElse(""));
        return line.length() > SHORT_REASON ? line.substring(0, SHORT_REASON) + "..." : line;
    }
}
