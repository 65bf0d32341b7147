package dev.odirect.compare;

import static dev.odirect.compare.ResultFolders.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparisons of check and matrix folders of real runs: the reference store, the mutant aligned-part-lost, edits of them. */
class RuleComparisonTest {
    private static final String REFERENCE = "check-reference";
    private static final String MUTANT = "check-aligned-part-lost";

    @TempDir
    Path scratch;

    private ResultFolders folders() {
        return new ResultFolders(scratch);
    }

    @Test
    void aRuleThatPassedAndNowFailsIsARegressionWithTheNewFailuresEvidenceAndReplay() {
        Comparison comparison = Comparison.of(folders().real(REFERENCE), folders().real(MUTANT), 50);
        Change stream = find(comparison.regressions(), "STREAM-1");
        assertEquals(List.of("passed", "failed", "MUST", "tmpfs"), List.of(stream.was(), stream.now(), stream.level(), stream.cell()));
        assertTrue(stream.evidence().startsWith("object \"p/21\" after a stream of chunks [4096]"), stream.evidence());
        assertEquals("odirect check --store 'mutant:aligned-part-lost' --dir /dev/shm/odirect-cmp-work --profile quick "
                + "--seed 3 --rule STREAM-1", stream.replay());
        assertEquals("warned", find(comparison.regressions(), "VISIBLE-1").now());
        assertEquals(20, comparison.regressions().size());
        assertEquals("MUST", comparison.regressions().get(0).level(), "MUST rules come first");
        assertEquals("SHOULD", comparison.regressions().get(19).level());
        assertEquals(Comparison.EXIT_REGRESSED, comparison.exitStatus());
        String md = ComparisonMarkdown.render(comparison);
        assertTrue(md.indexOf("## Regressions") < md.indexOf("## Not-run changes"), md);
        assertTrue(md.contains("20 regressions, 0 fixes, 1 not-run change, 1 other change"), md);
    }

    @Test
    void aRuleThatFailedAndNowPassesIsAFixWithTheOldFailureAndTheNewRunsReplay() {
        Comparison comparison = Comparison.of(folders().real(MUTANT), folders().real(REFERENCE), 50);
        assertTrue(comparison.regressions().isEmpty());
        Change stream = find(comparison.fixes(), "STREAM-1");
        assertEquals("failed → passed", stream.was() + " → " + stream.now());
        assertTrue(stream.evidence().startsWith("object \"p/21\""), stream.evidence());
        assertEquals("odirect check --store 'direct:///' --dir /dev/shm/odirect-cmp-work --profile quick --seed 3 --rule STREAM-1",
                stream.replay());
        assertEquals(Comparison.EXIT_NOTHING_REGRESSED, comparison.exitStatus());
        assertTrue(ComparisonMarkdown.render(comparison).contains("  - old failure: object \"p/21\""));
    }

    @Test
    void aRuleThatRanAndNowDoesNotIsANotRunChangeWithTheReason() {
        // as if the old run had had --full-dir: ERROR-1 ran and passed there
        Path withFullDir = folders().edited(REFERENCE, "full-dir", root -> rule(root, "ERROR-1").put("outcome", "passed")
                .put("status", "passed").put("reason", ""));
        Comparison lost = Comparison.of(withFullDir, folders().real(REFERENCE), 50);
        Change error = find(lost.notRunChanges(), "ERROR-1");
        assertEquals(Change.Kind.NEWLY_NOT_RUN, error.kind());
        assertEquals("passed → not-run", error.was() + " → " + error.now());
        assertTrue(error.evidence().startsWith("needs a directory on a small filesystem"), error.evidence());
        assertEquals(1, lost.notRunChanges().size());
        assertEquals(Comparison.EXIT_NOTHING_REGRESSED, lost.exitStatus());

        Change gained = find(Comparison.of(folders().real(REFERENCE), withFullDir, 50).notRunChanges(), "ERROR-1");
        assertEquals(Change.Kind.NEWLY_RUN, gained.kind());
        assertEquals("odirect check --store 'direct:///' --dir /dev/shm/odirect-cmp-work --profile quick --seed 3 --rule ERROR-1",
                gained.replay());
    }

    @Test
    void twoRunsOfTheSameStoreChangedNothing() {
        Comparison comparison = Comparison.of(folders().real(REFERENCE), folders().real("check-reference-again"), 50);
        assertTrue(comparison.nothingChanged(), ComparisonMarkdown.render(comparison));
        assertEquals(Comparison.EXIT_NOTHING_REGRESSED, comparison.exitStatus());
        assertTrue(ComparisonMarkdown.render(comparison).contains("\nnothing changed in tmpfs\n"));
    }

    @Test
    void aCheckAndAMatrixCompareTheirCommonCell() {
        Comparison comparison = Comparison.of(folders().real(REFERENCE), folders().real("matrix-reference"), 50);
        assertEquals(List.of("tmpfs"), comparison.compared());
        assertTrue(comparison.notes().contains("not compared, only in the new run: ext4, zfs"), comparison.notes().toString());
        // the matrix knows tmpfs cannot crash: DURABLE-1 is not applicable there, where the check could not run it
        Change durable = find(comparison.notRunChanges(), "DURABLE-1");
        assertEquals("not-run → not-applicable", durable.was() + " → " + durable.now());
        assertEquals("odirect matrix --cells tmpfs --store 'direct:///' --profile quick --seed 3 --rule DURABLE-1", durable.replay(),
                "results without a replay field: the cell's matrix command for the rule");
        assertTrue(comparison.regressions().isEmpty());
    }

    @Test
    void aCellThatCouldNotBeMadeIsOneChangeNotOnePerRule() {
        // the old matrix made a zfs cell (the ext4 cell's results under its name); the new one could not
        Path zfsMade = folders().edited("matrix-reference", "zfs-made", matrix -> {
            ObjectNode zfs = ResultFolders.cell(matrix, "zfs");
            zfs.removeAll().setAll(ResultFolders.cell(matrix, "ext4").deepCopy());
            zfs.put("name", "zfs");
        });
        Comparison lost = Comparison.of(zfsMade, folders().real("matrix-reference"), 50);
        assertEquals(1, lost.notRunChanges().size(), lost.notRunChanges().toString());
        Change zfs = lost.notRunChanges().get(0);
        assertEquals(List.of("zfs", Change.WHOLE_CELL, "not-proven", "not-run"), List.of(zfs.cell(), zfs.rule(), zfs.was(), zfs.now()));
        assertEquals("the kernel has no zfs filesystem (not in /proc/filesystems)", zfs.evidence());
        assertFalse(lost.nothingChanged());
        assertTrue(lost.regressions().isEmpty());

        Comparison made = Comparison.of(folders().real("matrix-reference"), zfsMade, 50);
        assertEquals(List.of(Change.Kind.NEWLY_RUN), made.notRunChanges().stream().map(Change::kind).toList());
        assertFalse(made.regressed());
    }

    @Test
    void aCellMadeForTheFirstTimeStillShowsItsFailures() {
        Path zfsFails = folders().edited("matrix-aligned-part-lost", "zfs-fails", matrix -> {
            ObjectNode zfs = ResultFolders.cell(matrix, "ext4").deepCopy();
            ((ArrayNode) matrix.get("cells")).add(zfs.put("name", "zfs"));
        });
        Comparison comparison = Comparison.of(folders().real("matrix-reference"), zfsFails, 50);
        assertTrue(comparison.regressions().stream().anyMatch(c -> c.cell().equals("zfs") && c.rule().equals("STREAM-1")));
        assertTrue(comparison.notRunChanges().stream().anyMatch(c -> c.cell().equals("zfs") && c.rule().equals(Change.WHOLE_CELL)));
    }

    @Test
    void theJsonSaysWhetherItRegressed() throws Exception {
        JsonNode json = ResultFolders.JSON.readTree(ComparisonJson.render(
                Comparison.of(folders().real(REFERENCE), folders().real(MUTANT), 50)));
        assertTrue(json.path("regressed").asBoolean());
        assertEquals("STATE-1", json.path("regressions").path(0).path("rule").asText());
        assertEquals("REGRESSION", json.path("regressions").path(0).path("kind").asText());
        assertEquals(1, json.path("not_run_changes").size());
    }

    private static Change find(List<Change> changes, String rule) {
        return changes.stream().filter(change -> change.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + rule + " in " + changes));
    }
}
