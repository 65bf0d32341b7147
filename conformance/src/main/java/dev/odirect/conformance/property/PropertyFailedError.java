package dev.odirect.conformance.property;

/**
 * A property was falsified: the seed and try that found it, the input as found and as shrunk, and
 * the failure of the shrunk input (its message names the rule and the evidence).
 */
public final class PropertyFailedError extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private final String shrunkInput;

    /** {@code shrinking} says how far shrinking went: "12 steps", and why it stopped when it stopped early. */
    PropertyFailedError(String property, long seed, int tryNumber, String original, String shrunk, String shrinking,
                        Throwable failure) {
        super(failure.getMessage() + System.lineSeparator()
                + "  property " + property + " falsified at try " + tryNumber + " (seed " + seed + ")"
                + System.lineSeparator() + "  shrunk input (" + shrinking + "): " + shrunk
                + System.lineSeparator() + "  original input: " + abbreviate(original), failure);
        this.seed = seed;
        this.shrunkInput = shrunk;
    }

    public long seed() {
        return seed;
    }

    public String shrunkInput() {
        return shrunkInput;
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "... (" + text.length() + " chars)";
    }
}
