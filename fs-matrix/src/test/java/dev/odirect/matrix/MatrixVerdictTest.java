package dev.odirect.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.odirect.conformance.run.GateVerdict;
import dev.odirect.conformance.run.RuleResult;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.run.Verdict;
import dev.odirect.conformance.suite.RuleCatalog.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A matrix is proven only when every cell ran and proved every MUST rule; its line says what was not. */
class MatrixVerdictTest {
    static final String NO_SHUTDOWN = "this filesystem cannot be crashed here: btrfs has no FS_IOC_SHUTDOWN";

    static RuleResult rule(String id, RuleStatus outcome, String reason, boolean waived) {
        return new RuleResult(id, Level.MUST, outcome, reason, reason, 0, waived);
    }

    static CellResult cell(String name, RuleResult... rules) {
        GateVerdict check = GateVerdict.of(List.of(rules));
        return new CellResult(name, true, check.verdict(), check.detail(), Map.of(), List.of(rules));
    }

    static final RuleResult PASSED = rule("STREAM-2", RuleStatus.PASSED, "", false);

    @Test
    void everyCellProvedIsPassed() {
        GateVerdict verdict = MatrixVerdict.of(List.of(cell("ext4", PASSED),
                cell("tmpfs", PASSED, rule("DURABLE-1", RuleStatus.NOT_APPLICABLE, "memory only", false))));
        assertEquals(Verdict.PASSED, verdict.verdict());
        assertEquals("passed: every MUST rule passed or was not applicable in every cell (2)", verdict.line());
    }

    @Test
    void aCellNotMadeAndARuleNotRunLeaveItNotProvenAndSayWhatToDo() {
        GateVerdict verdict = MatrixVerdict.of(List.of(cell("ext4", PASSED),
                cell("btrfs", PASSED, rule("DURABLE-1", RuleStatus.NOT_RUN, NO_SHUTDOWN, false)),
                CellResult.notRun("xfs", "mkfs.xfs is not installed", List.of()),
                CellResult.notRun("xfs-4k", "mkfs.xfs is not installed", List.of())));
        assertEquals(Verdict.NOT_PROVEN, verdict.verdict());
        assertEquals("not proven: cells not run: xfs, xfs-4k (mkfs.xfs is not installed); DURABLE-1 in btrfs ("
                + NO_SHUTDOWN + "); waive with --waive DURABLE-1; run the cells this machine can make with --cells "
                + "ext4,btrfs", verdict.line());
    }

    @Test
    void waivedRulesDoNotBlockAndAreNamedWithTheirCells() {
        GateVerdict verdict = MatrixVerdict.of(List.of(cell("ext4", PASSED),
                cell("btrfs", PASSED, rule("DURABLE-1", RuleStatus.NOT_RUN, NO_SHUTDOWN, true))));
        assertEquals("passed: every MUST rule passed, was not applicable or was waived in every cell (2); "
                + "waived: DURABLE-1 (not run) in btrfs", verdict.line());
    }

    @Test
    void aFailedRuleInAnyCellFailsTheMatrix() {
        GateVerdict verdict = MatrixVerdict.of(List.of(cell("xfs", rule("STREAM-2", RuleStatus.FAILED, "lost", false)),
                CellResult.notRun("btrfs", "mkfs.btrfs is not installed", List.of())));
        assertEquals(Verdict.FAILED, verdict.verdict());
        assertEquals("failed: xfs (STREAM-2); not proven either: cells not run: btrfs (mkfs.btrfs is not installed)",
                verdict.line());
    }

    @Test
    void noRuleRunInAnyCellIsAnError() {
        GateVerdict verdict = MatrixVerdict.of(List.of(CellResult.notRun("zfs", "the kernel has no zfs filesystem",
                List.of(rule("STREAM-2", RuleStatus.NOT_RUN, "cell zfs not run", false)))));
        assertEquals(Verdict.ERROR, verdict.verdict());
        assertEquals("error: no rule ran in any cell: cells not run: zfs (the kernel has no zfs filesystem)", verdict.line());
        assertEquals("0 passed, 0 failed, 0 warned, 1 skipped", verdict.counts().line());
    }
}
