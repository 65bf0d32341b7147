package dev.odirect.conformance.run;

import dev.odirect.conformance.suite.SuiteSettings;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A gate's decision with its grounds: the verdict, the line that says why (naming what failed and
 * what was not proven, with the reasons), and the count line.
 */
public record GateVerdict(Verdict verdict, String detail, RuleCounts counts) {

    /** "not proven: DURABLE-1 (no crash hook ...); waive with --waive DURABLE-1" */
    public String line() {
        return verdict.words() + ": " + detail;
    }

    /** The count line alone on its line (CI tooling reads it), then the verdict line. */
    public String closingLines() {
        return counts.line() + System.lineSeparator() + line();
    }

    public int exitStatus() {
        return verdict.exitStatus();
    }

    /**
     * The verdict of one check: failed when an unwaived MUST rule failed; error when no rule was
     * checked at all; not proven when an unwaived MUST rule did not run; else passed.
     */
    public static GateVerdict of(List<RuleResult> results) {
        RuleCounts counts = RuleCounts.of(results);
        List<RuleResult> failed = select(results, result -> result.status() == RuleStatus.FAILED);
        List<RuleResult> unproven = select(results, RuleResult::unproven);
        String waived = waived(results);
        if (!failed.isEmpty()) {
            String alsoUnproven = unproven.isEmpty() ? "" : "; not proven either: " + withReasons(unproven);
            return new GateVerdict(Verdict.FAILED, ids(failed) + alsoUnproven + waived, counts);
        }
        if (results.stream().noneMatch(result -> result.outcome().checked())) {
            return new GateVerdict(Verdict.ERROR, results.isEmpty() ? "no rule ran: the selection holds no rule"
                    : "no rule ran: " + withStatusAndReasons(results), counts);
        }
        if (!unproven.isEmpty()) {
            return new GateVerdict(Verdict.NOT_PROVEN, withReasons(unproven) + "; " + waiveHint(unproven) + waived,
                    counts);
        }
        boolean anyWaived = results.stream().anyMatch(result -> result.status() == RuleStatus.WAIVED);
        return new GateVerdict(Verdict.PASSED, (anyWaived ? "every MUST rule passed, was not applicable or was waived"
                : "every MUST rule passed or was not applicable") + waived, counts);
    }

    /** "waive with --waive DURABLE-1,ERROR-1" */
    public static String waiveHint(Collection<RuleResult> unproven) {
        return "waive with " + SuiteSettings.WAIVE + " "
                + unproven.stream().map(RuleResult::id).distinct().collect(Collectors.joining(","));
    }

    /** "; waived: DURABLE-1 (not run), KEY-1 (passed)", or nothing when no rule is waived. */
    static String waived(Collection<RuleResult> results) {
        List<RuleResult> waived = select(results, RuleResult::waived);
        return waived.isEmpty() ? "" : "; waived: " + waived.stream()
                .map(result -> result.id() + " (" + result.outcome().words() + ")").collect(Collectors.joining(", "));
    }

    private static String withReasons(List<RuleResult> results) {
        return results.stream().map(result -> result.id() + " (" + result.shortReason() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String withStatusAndReasons(List<RuleResult> results) {
        return results.stream().map(result -> result.id() + " " + result.outcome().words() + " ("
                + result.shortReason() + ")").collect(Collectors.joining(", "));
    }

    private static String ids(List<RuleResult> results) {
        return results.stream().map(RuleResult::id).collect(Collectors.joining(", "));
    }

    private static List<RuleResult> select(Collection<RuleResult> results, Predicate<RuleResult> which) {
        return results.stream().filter(which).toList();
    }
}
