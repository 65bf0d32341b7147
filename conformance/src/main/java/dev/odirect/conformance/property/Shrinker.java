package dev.odirect.conformance.property;

import java.util.stream.Stream;

/** Proposes simpler inputs than a failing one, most promising first; the runner keeps those that still fail. */
@FunctionalInterface
public interface Shrinker<T> {
    Stream<T> candidates(T value);

    static <T> Shrinker<T> none() {
        return value -> Stream.empty();
    }
}
