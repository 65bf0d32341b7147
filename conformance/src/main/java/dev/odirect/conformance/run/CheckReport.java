package dev.odirect.conformance.run;

import java.nio.file.Path;
import java.util.List;

/** The outcome of a check: each rule's result, where the outputs went, and the verdict. */
public record CheckReport(List<RuleResult> results, Path out, Summary summary, GateVerdict verdict) {

    public int exitStatus() {
        return verdict.exitStatus();
    }
}
