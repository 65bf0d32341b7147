package dev.odirect.conformance.property;

import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Runs a property: {@code tries} inputs from one seed; the first failure is shrunk greedily (the
 * first simpler candidate that still fails is taken, until none does or the budget is spent), and
 * thrown as a {@link PropertyFailedError} carrying the seed and the shrunk input. After a pass,
 * required coverage is checked.
 */
public final class PropertyRunner {
    private static final int MAX_SHRINK_ATTEMPTS = 2000;

    private PropertyRunner() {
    }

    /** Counts of each coverage label over the tries of a passing run. */
    public record Statistics(int tries, Map<String, Integer> labels) {
    }

    public static <T> Statistics run(Property<T> property, long seed, int tries, IntConsumer progress) {
        Random random = new Random(seed);
        Map<String, Integer> labels = new TreeMap<>();
        for (int attempt = 1; attempt <= tries; attempt++) {
            T input = property.gen().next(random);
            property.classify().apply(input).forEach(label -> labels.merge(label, 1, Integer::sum));
            Throwable failure = falsifies(property, input);
            if (failure instanceof DoNotShrink) {
                throw new PropertyFailedError(property.name(), seed, attempt, property.show().apply(input),
                        property.show().apply(input), 0, failure);
            }
            if (failure != null) {
                throw shrink(property, seed, attempt, input, failure);
            }
            progress.accept(attempt);
        }
        property.requiredCoverage().forEach((label, minimum) -> {
            int hits = labels.getOrDefault(label, 0);
            if (hits < minimum) {
                throw new AssertionError("coverage of property " + property.name() + ": inputs of class '" + label
                        + "' were generated " + hits + " times in " + tries + " tries (seed " + seed
                        + "), at least " + minimum + " needed; the generator no longer reaches them. Seen: " + labels);
            }
        });
        return new Statistics(tries, labels);
    }

    private static <T> PropertyFailedError shrink(Property<T> property, long seed, int attempt, T original,
                                                  Throwable originalFailure) {
        T current = original;
        Throwable failure = originalFailure;
        int steps = 0;
        int attempts = 0;
        boolean improved = true;
        while (improved && attempts < MAX_SHRINK_ATTEMPTS) {
            improved = false;
            Iterator<T> candidates = property.shrinker().candidates(current).iterator();
            while (candidates.hasNext() && attempts < MAX_SHRINK_ATTEMPTS) {
                T candidate = candidates.next();
                attempts++;
                Throwable candidateFailure = falsifies(property, candidate);
                if (candidateFailure instanceof DoNotShrink) {
                    return new PropertyFailedError(property.name(), seed, attempt, property.show().apply(original),
                            property.show().apply(candidate), steps, candidateFailure);
                }
                if (candidateFailure != null) {
                    current = candidate;
                    failure = candidateFailure;
                    steps++;
                    improved = true;
                    break;
                }
            }
        }
        return new PropertyFailedError(property.name(), seed, attempt, property.show().apply(original),
                property.show().apply(current), steps, failure);
    }

    /** The failure for this input, or null when the property holds for it. */
    private static <T> Throwable falsifies(Property<T> property, T input) {
        try {
            property.check().check(input);
            return null;
        } catch (Exception | AssertionError failure) {
            return failure;
        }
    }
}
