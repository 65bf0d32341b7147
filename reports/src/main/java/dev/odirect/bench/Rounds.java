package dev.odirect.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alternating rounds of one chunk size: MB/s of each side ({@link AlternatingRounds.Side#name()}) per
 * round, and why a side was not run. A ratio is taken within each round, then summarised: one slow round
 * of one side moves the spread, not the median.
 *
 * @param mbPerSecond one map per round, in the order the rounds ran
 * @param notRun      side name to the reason it was not measured
 */
public record Rounds(int chunk, List<Map<String, Double>> mbPerSecond, Map<String, String> notRun) {

    /** The median of some per-round values and their range: the table's "median (min-max)". */
    public record Spread(double median, double min, double max, int rounds) {
        public static Optional<Spread> of(List<Double> values) {
            if (values.isEmpty()) {
                return Optional.empty();
            }
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return Optional.of(new Spread(median, sorted.get(0), sorted.get(n - 1), n));
        }
    }

    Optional<String> whyNot(AlternatingRounds.Side side) {
        return Optional.ofNullable(notRun.get(side.name()));
    }

    Optional<Spread> mbPerSecond(AlternatingRounds.Side side) {
        if (whyNot(side).isPresent()) {
            return Optional.empty();
        }
        return Spread.of(mbPerSecond.stream().filter(round -> round.containsKey(side.name()))
                .map(round -> round.get(side.name())).toList());
    }

    /** {@code side}'s MB/s over {@code baseline}'s, in each round where both ran. */
    Optional<Spread> ratio(AlternatingRounds.Side side, AlternatingRounds.Side baseline) {
        if (whyNot(side).isPresent() || whyNot(baseline).isPresent()) {
            return Optional.empty();
        }
        List<Double> ratios = new ArrayList<>();
        for (Map<String, Double> round : mbPerSecond) {
            if (round.containsKey(side.name()) && round.containsKey(baseline.name())) {
                ratios.add(round.get(side.name()) / round.get(baseline.name()));
            }
        }
        return Spread.of(ratios);
    }

    /** For bench.json: every side's ratio to every fio job, keyed "SIDE/JOB". */
    @JsonProperty("ratios")
    Map<String, Spread> ratios() {
        Map<String, Spread> ratios = new LinkedHashMap<>();
        for (AlternatingRounds.Side side : AlternatingRounds.SIDES) {
            for (FioBaseline.Job baseline : FioBaseline.Job.values()) {
                if (side != baseline) {
                    ratio(side, baseline).ifPresent(spread -> ratios.put(side.name() + "/" + baseline.name(), spread));
                }
            }
        }
        return ratios;
    }
}
