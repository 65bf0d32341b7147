package dev.odirect.conformance.suite;

import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import java.util.ArrayList;
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

    /** "STREAM-1 [xfs] stream stores exact bytes": one rule in one cell, without paths or Java names. */
    public static String name(RuleCatalog.Rule rule, String cell) {
        return rule.id() + " [" + cell + "] " + rule.title();
    }

    /**
     * Names, labels, the cell as a parameter, a stable history per rule and cell, and a link to the
     * rule's line in SPEC.md: what every test case of a rule has, run or not.
     */
    public static void apply(TestResult result, RuleCatalog.Rule rule, String cell, CiLinks links) {
        Map<String, String> labels = of(rule, cell);
        result.setName(name(rule, cell));
        result.setFullName(rule.id() + " [" + cell + "]");
        result.getLabels().removeIf(label -> labels.containsKey(label.getName()));
        result.getLabels().addAll(asLabels(labels));
        result.setParameters(new ArrayList<>(List.of(new Parameter().setName("cell").setValue(cell))));
        result.setLinks(new ArrayList<>(List.of(new Link().setName("SPEC.md " + rule.id()).setType("spec")
                .setUrl(links.specLine(rule.line())))));
        result.setDescription(description(rule));
        result.setHistoryId(historyId(cell, rule.id()));
        result.setTestCaseId(historyId(cell, rule.id()));
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
