package dev.odirect.conformance.run;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The count line CI tooling reads, "N passed, N failed, N warned, N skipped", by what was measured:
 * failed counts MUST rules only, warned the SHOULD rules that did not hold (they do not fail the gate),
 * skipped the rules not applicable or not run (waived or not).
 */
public record RuleCounts(long passed, long failed, long warned, long skipped) {

    public static RuleCounts of(Collection<RuleResult> results) {
        return new RuleCounts(count(results, RuleStatus.PASSED), count(results, RuleStatus.FAILED),
                count(results, RuleStatus.WARNED), count(results, RuleStatus.NOT_APPLICABLE) + count(results, RuleStatus.NOT_RUN));
    }

    public String line() {
        return passed + " passed, " + failed + " failed, " + warned + " warned, " + skipped + " skipped";
    }

    /** How many rules have each status (waivers applied), every status listed. */
    public static Map<RuleStatus, Long> byStatus(Collection<RuleResult> results) {
        Map<RuleStatus, Long> counts = new LinkedHashMap<>();
        for (RuleStatus status : RuleStatus.values()) {
            counts.put(status, results.stream().filter(result -> result.status() == status).count());
        }
        return counts;
    }

    private static long count(Collection<RuleResult> results, RuleStatus outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
