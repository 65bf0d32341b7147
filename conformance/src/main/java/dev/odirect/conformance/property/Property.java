package dev.odirect.conformance.property;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A claim about every input a generator makes: {@code check} throws (an AssertionError, usually)
 * for an input that falsifies it. {@code classify} labels inputs for coverage statistics, and
 * {@code requiredCoverage} names the labels that must each be hit at least that many times, so
 * a generator that drifted away from an important class of inputs fails instead of passing.
 */
public record Property<T>(String name, Gen<T> gen, Shrinker<T> shrinker, Check<T> check,
                          Function<T, Set<String>> classify, Map<String, Integer> requiredCoverage,
                          Function<T, String> show) {

    @FunctionalInterface
    public interface Check<T> {
        void check(T input) throws Exception;
    }

    public static <T> Property<T> of(String name, Gen<T> gen, Shrinker<T> shrinker, Check<T> check) {
        return new Property<>(name, gen, shrinker, check, input -> Set.of(), Map.of(), String::valueOf);
    }

    public Property<T> withCoverage(Function<T, Set<String>> classifier, Map<String, Integer> required) {
        return new Property<>(name, gen, shrinker, check, classifier, required, show);
    }

    public Property<T> withShow(Function<T, String> newShow) {
        return new Property<>(name, gen, shrinker, check, classify, requiredCoverage, newShow);
    }
}
