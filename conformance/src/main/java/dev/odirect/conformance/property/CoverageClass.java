package dev.odirect.conformance.property;

/** A class of inputs a property must try, with a generator that makes one of them. */
public record CoverageClass<T>(String label, Gen<T> example) {
}
