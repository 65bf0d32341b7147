package dev.odirect.conformance.property;

import dev.odirect.conformance.evidence.PropertyEvidence;

/**
 * A property was falsified: the seed and try that found it, the input as found and as shrunk, and
 * the failure of the shrunk input (its message names the rule and the evidence).
 */
public final class PropertyFailedError extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient PropertyEvidence evidence;

    /** {@code shrinking} says how far shrinking went: "12 steps", and why it stopped when it stopped early. */
    PropertyFailedError(String property, long seed, int tryNumber, String original, String shrunk, String shrinking,
                        Throwable failure) {
        this(new PropertyEvidence(property, seed, tryNumber, shrunk, shrinking, original), failure);
    }

    private PropertyFailedError(PropertyEvidence evidence, Throwable failure) {
        super(failure.getMessage() + System.lineSeparator() + evidence.describe(), failure);
        this.evidence = evidence;
    }

    public long seed() {
        return evidence.seed();
    }

    public String shrunkInput() {
        return evidence.shrunkInput();
    }

    /** How the property found the failure, as a value. */
    public PropertyEvidence evidence() {
        return evidence;
    }
}
