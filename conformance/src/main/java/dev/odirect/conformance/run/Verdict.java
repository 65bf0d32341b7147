package dev.odirect.conformance.run;

import java.util.Arrays;

/** What a gate decides: its value in summary.json and matrix.json, and its exit status. */
public enum Verdict {
    PASSED("passed", ExitStatus.PROVEN),
    FAILED("failed", ExitStatus.MUST_FAILED),
    ERROR("error", ExitStatus.ERROR),
    NOT_PROVEN("not-proven", ExitStatus.NOT_PROVEN);

    private final String value;
    private final int exitStatus;

    Verdict(String value, int exitStatus) {
        this.value = value;
        this.exitStatus = exitStatus;
    }

    public String value() {
        return value;
    }

    public int exitStatus() {
        return exitStatus;
    }

    /** The value as the closing line says it: "not proven". */
    public String words() {
        return value.replace('-', ' ');
    }

    public static Verdict parse(String value) {
        return Arrays.stream(values()).filter(verdict -> verdict.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown verdict '" + value + "'"));
    }
}
