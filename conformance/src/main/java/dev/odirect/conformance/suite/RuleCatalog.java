package dev.odirect.conformance.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules of SPEC.md, the one place where a rule's id, level and text are written. */
public final class RuleCatalog {
    /** {@code | STREAM-1 | MUST | text | test |} */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*([A-Z]+-\\d+)\\s*\\|\\s*(MUST|SHOULD)\\s*\\|\\s*(.+?)\\s*\\|\\s*`?([^|`]+?)`?\\s*\\|\\s*$");
    /** {@code required_STREAM_1_whatItChecks}: the obligation, the rule id, a description. */
    private static final Pattern TEST_NAME = Pattern.compile("^(required|optional)_([A-Z]+)_(\\d+)_\\w+$");

    public enum Level { MUST, SHOULD }

    /** @param line the rule's line in SPEC.md, for links to it */
    public record Rule(String id, Level level, String text, String test, int line) implements java.io.Serializable {
        public String group() {
            return id.substring(0, id.indexOf('-'));
        }

        /** What the rule checks in a few words, from its test's name: "stream stores exact bytes". */
        public String title() {
            String method = test.substring(test.indexOf('#') + 1);
            String what = method.substring(method.indexOf('_', method.indexOf('_', method.indexOf('_') + 1) + 1) + 1);
            return what.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Map<String, Rule> RULES = load();

    private RuleCatalog() {
    }

    public static Map<String, Rule> rules() {
        return RULES;
    }

    public static Optional<Rule> rule(String id) {
        return Optional.ofNullable(RULES.get(id));
    }

    /** The rule a test method checks, from its name; empty for a method not named after a rule. */
    public static Optional<Rule> forTestMethod(String methodName) {
        Matcher name = TEST_NAME.matcher(methodName);
        if (!name.matches()) {
            return Optional.empty();
        }
        return rule(name.group(2) + "-" + name.group(3));
    }

    /** The level a test method's name claims: required_ is MUST, optional_ is SHOULD. */
    public static Optional<Level> claimedLevel(String methodName) {
        Matcher name = TEST_NAME.matcher(methodName);
        return name.matches() ? Optional.of(name.group(1).equals("required") ? Level.MUST : Level.SHOULD) : Optional.empty();
    }

    static Map<String, Rule> parse(String markdown) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        String[] lines = markdown.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher row = ROW.matcher(lines[i].strip());
            if (row.matches()) {
                Rule rule = new Rule(row.group(1), Level.valueOf(row.group(2)), row.group(3), row.group(4), i + 1);
                if (rules.put(rule.id(), rule) != null) {
                    throw new IllegalStateException("SPEC.md lists rule " + rule.id() + " twice");
                }
            }
        }
        return java.util.Collections.unmodifiableMap(rules);
    }

    private static Map<String, Rule> load() {
        try (InputStream spec = RuleCatalog.class.getResourceAsStream("/dev/odirect/conformance/SPEC.md")) {
            if (spec == null) {
                throw new IllegalStateException("SPEC.md is missing from the conformance jar");
            }
            return parse(new String(spec.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
