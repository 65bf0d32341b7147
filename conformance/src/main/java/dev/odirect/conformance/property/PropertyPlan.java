package dev.odirect.conformance.property;

import java.util.function.IntConsumer;

/** A property and how many inputs to try it on. */
public record PropertyPlan<T>(Property<T> property, int tries) {
    public PropertyRunner.Statistics run(long seed, IntConsumer progress) {
        return PropertyRunner.run(property, seed, tries, progress);
    }
}
