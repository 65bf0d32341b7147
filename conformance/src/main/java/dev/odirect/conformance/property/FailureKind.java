package dev.odirect.conformance.property;

/**
 * A failure that says what kind it is, so that shrinking does not drift from one failure to another:
 * a candidate that fails with another kind is not taken for a smaller example of the first.
 */
public interface FailureKind {
    String kind();

    /** Failures of one kind: the same {@link #kind()} where both have one, else the same exception type. */
    static boolean same(Throwable first, Throwable second) {
        if (first instanceof FailureKind a && second instanceof FailureKind b) {
            return a.kind().equals(b.kind());
        }
        return first.getClass() == second.getClass();
    }
}
