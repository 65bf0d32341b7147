package dev.odirect.conformance.evidence;

import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * The suite failed, not the store (a generator that no longer reaches a coverage class, say): the
 * rule is not proven, Allure shows it as broken in its own category, and it is never a store defect.
 */
public class SuiteError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The prefix of such a rule's reason. */
    public static final String REASON_PREFIX = "suite error: ";

    public SuiteError(String message) {
        super(message);
    }

    /** The suite's own error: this type, or a rule the suite could not give its context. */
    public static boolean is(Throwable thrown) {
        return thrown instanceof SuiteError || thrown instanceof ParameterResolutionException;
    }
}
