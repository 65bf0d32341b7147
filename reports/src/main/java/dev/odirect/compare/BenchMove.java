package dev.odirect.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A bench figure that moved beyond its noise between two runs. With rounds, the noise is the rounds'
 * min-max: the figure moved when the old and new ranges do not overlap, and a store's figure that got
 * worse so is a regression. A single figure has no measured noise: it is listed when it changed by more
 * than the threshold, and is never a regression on its own.
 *
 * @param changePercent the new value against the old, in percent (+ is larger)
 * @param better        the change is for the better (faster, or fewer ms per operation)
 * @param regression    a store's figure with rounds, worse beyond their range
 */
public record BenchMove(String cell, String figure, double was, double now, BenchFigure.Range wasRange,
                        BenchFigure.Range nowRange, double changePercent, boolean better, boolean regression) {

    /** For figures without rounds: the change, in percent, beyond which they are listed. */
    public static final double DEFAULT_THRESHOLD_PERCENT = 50;

    public static String rule(double thresholdPercent) {
        return "figures with rounds moved when the old and new min-max ranges of the rounds do not overlap (a store's "
                + "figure that got worse so is a regression); single figures moved when they changed by more than "
                + String.format("%.0f%%", thresholdPercent) + " (--threshold), listed but never a regression: one run has no measured noise";
    }

    static List<BenchMove> between(List<BenchFigure> old, List<BenchFigure> now, double thresholdPercent) {
        Map<String, BenchFigure> before = old.stream().collect(Collectors.toMap(BenchMove::key, Function.identity(), (a, b) -> a));
        List<BenchMove> moves = new ArrayList<>();
        for (BenchFigure after : now) {
            BenchFigure was = before.get(key(after));
            if (was == null) {
                continue;
            }
            boolean rounds = was.range() != null && after.range() != null;
            double percent = was.value() == 0 ? 0 : (after.value() / was.value() - 1) * 100;
            boolean moved = rounds ? !was.range().overlaps(after.range()) : Math.abs(percent) > thresholdPercent;
            if (moved) {
                boolean better = after.higherIsBetter() == after.value() > was.value();
                moves.add(new BenchMove(after.cell(), after.name(), was.value(), after.value(), was.range(), after.range(),
                        percent, better, rounds && !better && after.ofTheStore()));
            }
        }
        return moves;
    }

    private static String key(BenchFigure figure) {
        return figure.cell() + "\n" + figure.name();
    }
}
