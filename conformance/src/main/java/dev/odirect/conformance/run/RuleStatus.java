package dev.odirect.conformance.run;

import java.util.Arrays;

/** A rule's status in a run: its value in summary.json and matrix.json, and its mark on the console. */
public enum RuleStatus {
    PASSED("passed", "PASS"),
    /** A MUST rule failed. */
    FAILED("failed", "FAIL"),
    /** A SHOULD rule failed: reported, never blocking. */
    WARNED("warned", "WARN"),
    /** The store (or the cell) does not have what the rule is about: nothing is left unproven. */
    NOT_APPLICABLE("not-applicable", "N/A"),
    /** The rule applies but could not be checked here: not proven. */
    NOT_RUN("not-run", "NOT RUN"),
    /** Failed or not run, and accepted with --waive. */
    WAIVED("waived", "WAIVED");

    private final String value;
    private final String mark;

    RuleStatus(String value, String mark) {
        this.value = value;
        this.mark = mark;
    }

    public String value() {
        return value;
    }

    public String mark() {
        return mark;
    }

    /** The value as a sentence says it: "not run". */
    public String words() {
        return value.replace('-', ' ');
    }

    /** The rule was checked against the store (whatever the result). */
    public boolean checked() {
        return this == PASSED || this == FAILED || this == WARNED;
    }

    /** A waiver changes this outcome into {@link #WAIVED}. */
    public boolean waivable() {
        return this == FAILED || this == WARNED || this == NOT_RUN;
    }

    public static RuleStatus parse(String value) {
        return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rule status '" + value + "'"));
    }
}
