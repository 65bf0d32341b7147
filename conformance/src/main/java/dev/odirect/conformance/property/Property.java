package dev.odirect.conformance.property;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A claim about every input a generator makes: {@code check} throws (an AssertionError, usually)
 * for an input that falsifies it. {@code classify} labels inputs for coverage statistics, and each
 * of the {@code required} classes is tried first, by construction, from its own generator; a class
 * that its generator no longer reaches fails the property instead of passing it.
 */
public record Property<T>(String name, Gen<T> gen, Shrinker<T> shrinker, Check<T> check,
                          Function<T, Set<String>> classify, List<CoverageClass<T>> required,
                          Function<T, String> show) {

    @FunctionalInterface
    public interface Check<T> {
        void check(T input) throws Exception;
    }

    public static <T> Property<T> of(String name, Gen<T> gen, Shrinker<T> shrinker, Check<T> check) {
        return new Property<>(name, gen, shrinker, check, input -> Set.of(), List.of(), String::valueOf);
    }

    public Property<T> withCoverage(Function<T, Set<String>> classifier, List<CoverageClass<T>> classes) {
        return new Property<>(name, gen, shrinker, check, classifier, List.copyOf(classes), show);
    }

    public Property<T> withShow(Function<T, String> newShow) {
        return new Property<>(name, gen, shrinker, check, classify, required, newShow);
    }
}
