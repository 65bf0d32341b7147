package dev.odirect.conformance.property;

import java.util.Set;
import java.util.stream.Stream;

/**
 * Proposes simpler inputs than a failing one, most promising first; the runner keeps the first that
 * still fails. {@code passed} holds the inputs already seen to pass while shrinking this failure (the
 * runner does not run them again), so a shrinker can bisect from the largest of them.
 */
@FunctionalInterface
public interface Shrinker<T> {
    Stream<T> candidates(T value, Set<T> passed);

    static <T> Shrinker<T> none() {
        return (value, passed) -> Stream.empty();
    }
}
