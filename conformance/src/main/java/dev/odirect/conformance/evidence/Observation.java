package dev.odirect.conformance.evidence;

/**
 * What a rule saw that it must not see: a line a person reads ({@code what}), the category it
 * falls in, and, where bytes were compared, how they differ ({@code mismatch}, else null).
 */
public record Observation(Category category, String what, Mismatch mismatch) {

    public static Observation of(Category category, String what) {
        return new Observation(category, what, null);
    }

    /** Bytes that differ: a wrong size, or other bytes at the right size. */
    public static Observation of(String what, Mismatch mismatch) {
        return new Observation(mismatch.sizeDiffers() ? Category.WRONG_SIZE : Category.PERSISTENCE_LOSS,
                what + ": " + mismatch.describe(), mismatch);
    }

    /** The short form for a signature line: the sizes, or the first line of what was seen. */
    public String signature() {
        return mismatch != null ? mismatch.signature() : what.lines().findFirst().orElse("");
    }

    /** The whole observation: the line, and the hex windows when bytes were compared. */
    public String describe() {
        return mismatch == null ? what : what + System.lineSeparator() + mismatch.window();
    }
}
