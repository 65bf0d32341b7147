package dev.odirect.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real short bench runs on tmpfs (3 alternating rounds of 1 MiB chunks), and edits of one of them. */
class BenchComparisonTest {
    private static final String ROUNDS_DIRECT = "rounds, chunk 1048576: DIRECT MB/s";
    private static final String ROUNDS_JDK = "rounds, chunk 1048576: JDK_DIRECT MB/s";

    @TempDir
    Path scratch;

    @Test
    void twoRunsOfTheSameBenchMoveNoRoundsFigureAndRegressNothing() {
        ResultFolders folders = new ResultFolders(scratch);
        Comparison comparison = Comparison.of(folders.real("bench-1"), folders.real("bench-2"), 50);
        assertEquals(List.of("tmpfs"), comparison.compared());
        // the rounds' ranges overlap: inside the noise; only single JMH figures (no rounds) moved past 50 %
        assertTrue(comparison.benchMoves().stream().allMatch(move -> move.nowRange() == null), comparison.benchMoves().toString());
        assertFalse(comparison.regressed());
        assertEquals(Comparison.EXIT_NOTHING_REGRESSED, comparison.exitStatus());
        // a single figure at -83 % is listed: the store's buffered JMH figure fell from 569 to 95 MB/s
        BenchMove buffered = comparison.benchMoves().stream().filter(move -> move.figure().contains("target=BUFFERED_FSYNC"))
                .findFirst().orElseThrow();
        assertFalse(buffered.better());
        assertFalse(buffered.regression(), "one run has no measured noise");
        assertTrue(Comparison.of(folders.real("bench-1"), folders.real("bench-2"), 90).benchMoves().isEmpty(),
                "a higher threshold lists none of them");
    }

    @Test
    void theStoresRoundsBelowTheirOldRangeAreARegressionAYardstickBelowItsIsNot() {
        ResultFolders folders = new ResultFolders(scratch);
        Path slower = folders.edited("bench-2", "slower", bench -> {
            for (var round : bench.path("cells").path(0).path("rounds").path(0).path("mbPerSecond")) {
                ObjectNode sides = (ObjectNode) round;
                sides.put("DIRECT", sides.get("DIRECT").asDouble() / 10);
                sides.put("JDK_DIRECT", sides.get("JDK_DIRECT").asDouble() / 10);
            }
        });
        Comparison comparison = Comparison.of(folders.real("bench-1"), slower, 50);
        BenchMove store = move(comparison, ROUNDS_DIRECT);
        assertTrue(store.regression() && !store.better(), store.toString());
        assertEquals(new BenchFigure.Range(327.74969731035185, 1073.6412369762916), store.wasRange());
        BenchMove jdk = move(comparison, ROUNDS_JDK);
        assertFalse(jdk.regression() || jdk.better(), "the JDK's channel is a yardstick, not the store");
        assertEquals(Comparison.EXIT_REGRESSED, comparison.exitStatus());
        assertTrue(ComparisonMarkdown.render(comparison).contains("| tmpfs | " + ROUNDS_DIRECT + " | 479 (328-1074) | "));

        BenchMove faster = move(Comparison.of(slower, folders.real("bench-1"), 50), ROUNDS_DIRECT);
        assertTrue(faster.better() && !faster.regression());
    }

    @Test
    void aSingleFigureWithinTheThresholdDidNotMove() {
        ResultFolders folders = new ResultFolders(scratch);
        Comparison same = Comparison.of(folders.real("bench-1"), folders.real("bench-1"), 50);
        assertTrue(same.nothingChanged());
        assertNull(same.benchMoves().stream().findFirst().orElse(null));
        assertTrue(ComparisonMarkdown.render(same).contains("nothing changed in tmpfs"));
    }

    private static BenchMove move(Comparison comparison, String figure) {
        return comparison.benchMoves().stream().filter(move -> move.figure().equals(figure)).findFirst()
                .orElseThrow(() -> new AssertionError(figure + " did not move: " + comparison.benchMoves()));
    }
}
