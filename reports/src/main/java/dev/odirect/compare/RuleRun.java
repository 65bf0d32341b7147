package dev.odirect.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * One rule's result in one cell, as summary.json and matrix.json write it.
 *
 * @param outcome what was measured (passed, failed, warned, not-applicable, not-run), waived or not
 * @param replay  the rule's replay command as the run wrote it, when the results have one
 */
record RuleRun(String id, String level, String outcome, boolean waived, String reason, Optional<String> replay) {
    static final String NOT_RUN = "not-run";
    static final String PASSED = "passed";
    /** The outcome of a rule one run has and the other has not (a --rule filter, another version). */
    static final String ABSENT = "absent";
    private static final Set<String> FAILING = Set.of("failed", "warned");
    /** The field of summary.json and matrix.json with the command that reruns the rule (absent in older results). */
    private static final String REPLAY = "replay";
    /** Longer reasons are cut here: the evidence column is a pointer, the folder has the whole message. */
    private static final int EVIDENCE_CHARS = 300;

    static RuleRun of(JsonNode rule, Path file) {
        Optional<String> replay = Optional.of(rule.path(REPLAY).asText("")).filter(line -> !line.isBlank());
        return new RuleRun(ResultJson.text(rule, "id", file), rule.path("level").asText(""),
                ResultJson.text(rule, "outcome", file), rule.path("waived").asBoolean(), rule.path("reason").asText(""),
                replay);
    }

    static boolean failing(String outcome) {
        return FAILING.contains(outcome);
    }

    static boolean notRun(String outcome) {
        return outcome.equals(NOT_RUN) || outcome.equals(ABSENT);
    }

    /** The reason's first line, cut to a readable length. */
    String evidence() {
        String first = reason.lines().findFirst().orElse("");
        return first.length() <= EVIDENCE_CHARS ? first : first.substring(0, EVIDENCE_CHARS) + "...";
    }

    /** The outcome as the report shows it: "failed", or "failed (waived)". */
    String shown() {
        return waived ? outcome + " (waived)" : outcome;
    }
}
