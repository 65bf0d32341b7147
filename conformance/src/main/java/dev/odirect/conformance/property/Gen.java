package dev.odirect.conformance.property;

import java.util.Random;

/** Generates one input from a source of randomness; the same seed gives the same input. */
@FunctionalInterface
public interface Gen<T> {
    T next(Random random);
}
