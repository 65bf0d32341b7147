package dev.odirect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The rounds' summaries and how the table shows them, on made-up rounds: no device needed. */
class AlternatingRoundsTableTest {
    private static final String PSYNC = FioBaseline.Job.PSYNC_IODEPTH_1.name();
    private static final String IO_URING = FioBaseline.Job.IO_URING_IODEPTH_4.name();

    private static final Rounds ROUNDS = new Rounds(1 << 20, List.of(
            Map.of("DIRECT", 100.0, "JDK_DIRECT", 90.0, PSYNC, 200.0),
            Map.of("DIRECT", 120.0, "JDK_DIRECT", 100.0, PSYNC, 100.0),
            Map.of("DIRECT", 90.0, "JDK_DIRECT", 100.0, PSYNC, 100.0)),
            Map.of(IO_URING, "fio: engine io_uring not loadable"));

    @Test
    void aRatioIsTakenWithinEachRoundThenTheMedianAndRangeOverTheRounds() {
        Rounds.Spread ratio = ROUNDS.ratio(BenchTarget.DIRECT, FioBaseline.Job.PSYNC_IODEPTH_1).orElseThrow();
        assertEquals(new Rounds.Spread(0.9, 0.5, 1.2, 3), ratio);
        assertEquals(new Rounds.Spread(100.0, 90.0, 120.0, 3), ROUNDS.mbPerSecond(BenchTarget.DIRECT).orElseThrow());
        assertEquals(Optional.empty(), ROUNDS.ratio(BenchTarget.DIRECT, FioBaseline.Job.IO_URING_IODEPTH_4));
        assertEquals(2.5, Rounds.Spread.of(List.of(4.0, 1.0, 2.0, 3.0)).orElseThrow().median());
    }

    @Test
    void theTableShowsTheStoreBesideTheJdkAndSaysWhyTheCeilingWasNotRun() {
        CellBench cell = new CellBench("xfs", Map.of(), List.of(), Map.of(), Map.of(), List.of(ROUNDS), Map.of(), "", Map.of());
        String table = BenchTable.markdown(cell);
        assertTrue(table.contains("| 1 MiB | store, O_DIRECT | 100 (90-120) | 0.90 (0.50-1.20) | not run |"), table);
        assertTrue(table.contains("| 1 MiB | JDK FileChannel, DIRECT | 100 (90-100) | 1.00 (0.45-1.00) | not run |"), table);
        assertTrue(table.contains("| 1 MiB | fio direct=1 io_uring iodepth 4 | not run: fio: engine io_uring not loadable |"), table);
        assertTrue(table.contains("3 alternating rounds"), table);
    }

    @Test
    void benchJsonCarriesEveryRoundAndTheRatios() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(ROUNDS);
        assertEquals(3, json.path("mbPerSecond").size(), json.toString());
        assertEquals(0.9, json.at("/ratios/DIRECT~1" + PSYNC + "/median").asDouble(), json.toString());
        assertTrue(json.at("/notRun/" + IO_URING).asText().contains("not loadable"), json.toString());
    }

    @Test
    void fewerThanThreeRoundsDecideNothing() {
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions(List.of(), false, Path.of("out"), Optional.empty(),
                Optional.empty(), Map.of(), OptionalInt.of(BenchOptions.MIN_ROUNDS - 1)));
        BenchOptions defaults = new BenchOptions(List.of(), false, Path.of("out"), Optional.empty(), Optional.empty(), Map.of(),
                OptionalInt.empty());
        assertEquals(BenchOptions.SHORT_ROUNDS, defaults.roundsToRun());
    }
}
