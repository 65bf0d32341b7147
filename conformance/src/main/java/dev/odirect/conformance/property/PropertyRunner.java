package dev.odirect.conformance.property;

import dev.odirect.conformance.evidence.SuiteError;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Runs a property on inputs from one seed: first one input of each required coverage class, each
 * of which must be of its class, then random inputs up to {@code tries} in all. The first failure
 * is shrunk greedily (the first simpler candidate that still fails is taken, until none does or
 * {@link #SHRINK_BUDGET} is spent) and thrown as a {@link PropertyFailedError} carrying the seed and
 * the shrunk input.
 */
public final class PropertyRunner {
    /** Shrinking a failure found against a slow store must not hold the run for long. */
    public static final Duration SHRINK_BUDGET = Duration.ofSeconds(60);

    private PropertyRunner() {
    }

    /** Counts of each coverage label over the tries of a passing run. */
    public record Statistics(int tries, Map<String, Integer> labels) {
    }

    public static <T> Statistics run(Property<T> property, long seed, int tries, IntConsumer progress) {
        return run(property, seed, tries, progress, System::nanoTime);
    }

    /** As {@link #run(Property, long, int, IntConsumer)}, with the clock that times shrinking. */
    static <T> Statistics run(Property<T> property, long seed, int tries, IntConsumer progress, LongSupplier nanoClock) {
        Random random = new Random(seed);
        Map<String, Integer> labels = new TreeMap<>();
        int attempt = 0;
        for (CoverageClass<T> required : property.required()) {
            attempt++;
            check(property, required.example().next(random), seed, attempt, labels, nanoClock);
            progress.accept(attempt);
        }
        // a class its generator misses fails at once, not after the random tries
        for (CoverageClass<T> required : property.required()) {
            if (!labels.containsKey(required.label())) {
                throw new SuiteError("coverage of property " + property.name() + ": the input made for class '"
                        + required.label() + "' is not of that class (seed " + seed + "); its generator no longer"
                        + " reaches it. Seen: " + labels);
            }
        }
        while (attempt < tries) {
            attempt++;
            check(property, property.gen().next(random), seed, attempt, labels, nanoClock);
            progress.accept(attempt);
        }
        return new Statistics(attempt, labels);
    }

    /** Classifies and checks one input; a failure is shrunk and thrown. */
    private static <T> void check(Property<T> property, T input, long seed, int attempt, Map<String, Integer> labels,
                                  LongSupplier nanoClock) {
        property.classify().apply(input).forEach(label -> labels.merge(label, 1, Integer::sum));
        Throwable failure = falsifies(property, input);
        if (failure instanceof DoNotShrink) {
            throw new PropertyFailedError(property.name(), seed, attempt, property.show().apply(input),
                    property.show().apply(input), "not shrunk", failure);
        }
        if (failure != null) {
            throw shrink(property, seed, attempt, input, failure, nanoClock);
        }
    }

    private static <T> PropertyFailedError shrink(Property<T> property, long seed, int attempt, T original,
                                                  Throwable originalFailure, LongSupplier nanoClock) {
        long started = nanoClock.getAsLong();
        Set<T> passed = new HashSet<>();
        Set<T> drifted = new HashSet<>();
        T current = original;
        Throwable failure = originalFailure;
        int steps = 0;
        boolean improved = true;
        boolean outOfTime = false;
        while (improved && !outOfTime) {
            improved = false;
            Iterator<T> candidates = property.shrinker().candidates(current, Collections.unmodifiableSet(passed))
                    .iterator();
            while (candidates.hasNext()) {
                if (nanoClock.getAsLong() - started >= SHRINK_BUDGET.toNanos()) {
                    outOfTime = true;
                    break;
                }
                T candidate = candidates.next();
                if (passed.contains(candidate) || drifted.contains(candidate)) {
                    continue;
                }
                Throwable candidateFailure = falsifies(property, candidate);
                if (candidateFailure == null) {
                    passed.add(candidate);
                    continue;
                }
                if (!FailureKind.same(originalFailure, candidateFailure)) {
                    drifted.add(candidate); // another failure: not a smaller example of this one
                    continue;
                }
                if (candidateFailure instanceof DoNotShrink) {
                    return new PropertyFailedError(property.name(), seed, attempt, property.show().apply(original),
                            property.show().apply(candidate), steps + " steps", candidateFailure);
                }
                current = candidate;
                failure = candidateFailure;
                steps++;
                improved = true;
                break;
            }
        }
        String shrinking = steps + " steps" + (outOfTime ? ", shrinking stopped after " + SHRINK_BUDGET.toSeconds() + " s" : "")
                + (drifted.isEmpty() ? "" : ", " + drifted.size() + " smaller inputs that failed otherwise not taken");
        return new PropertyFailedError(property.name(), seed, attempt, property.show().apply(original),
                property.show().apply(current), shrinking, failure);
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
