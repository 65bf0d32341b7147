package dev.odirect.conformance.suite;

import io.qameta.allure.model.Label;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a rule in a cell is labelled in Allure, for the tests the suite runs and for the skipped tests
 * the matrix writes for a cell it could not make: suite = the cell (or filesystem), feature = rule
 * group, story = rule id, severity from MUST/SHOULD.
 */
public final class AllureLabels {
    private AllureLabels() {
    }

    public static Map<String, String> of(RuleCatalog.Rule rule, String cell) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("suite", cell);
        labels.put("feature", rule.group());
        labels.put("story", rule.id());
        labels.put("severity", rule.level() == RuleCatalog.Level.MUST ? "critical" : "normal");
        labels.put("tag", rule.level().name());
        return labels;
    }

    public static List<Label> asLabels(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> new Label().setName(e.getKey()).setValue(e.getValue())).toList();
    }

    public static String description(RuleCatalog.Rule rule) {
        return rule.level() + ": " + rule.text();
    }

    /** One rule in several cells is several tests, not retries of one: its history is per cell. */
    public static String historyId(String cell, String ruleId) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((cell + "/" + ruleId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
