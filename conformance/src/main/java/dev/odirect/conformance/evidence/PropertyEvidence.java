package dev.odirect.conformance.evidence;

/**
 * How a property found a failure: the property, its seed and try, the input as found and as shrunk,
 * and how shrinking went ("12 steps"; a note when a smaller input failed differently and was not taken).
 */
public record PropertyEvidence(String property, long seed, int tryNumber, String shrunkInput, String shrinking,
                               String originalInput) {

    public String describe() {
        String nl = System.lineSeparator();
        return "  property " + property + " falsified at try " + tryNumber + " (seed " + seed + ")" + nl
                + "  shrunk input (" + shrinking + "): " + shrunkInput + nl
                + "  original input: " + originalInput;
    }
}
