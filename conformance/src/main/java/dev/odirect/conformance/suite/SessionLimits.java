package dev.odirect.conformance.suite;

import java.time.Duration;

/**
 * How long a store, in process or behind an adapter, may take to answer one call, and how long
 * an adapter's answer line may be: past either the session breaks, and the suite goes on instead
 * of hanging or running out of memory. The defaults are the settings' ({@link SuiteSettings}).
 */
public record SessionLimits(Duration timeout, int maxLine) {

    public SessionLimits {
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException(SuiteSettings.TIMEOUT + " must be at least 1 second, not "
                    + timeout.toSeconds());
        }
        if (maxLine < 1) {
            throw new IllegalArgumentException(SuiteSettings.ADAPTER_MAX_LINE + " must be at least 1 byte, not " + maxLine);
        }
    }

    /** Why a call broke its session when it went unanswered, naming the option that allows more time. */
    public static String noAnswer(String what, Duration waited) {
        return "no answer to " + what + " within " + waited.toSeconds() + " s (" + SuiteSettings.TIMEOUT + ")";
    }

    /** Why an answer broke its session when it was too long, naming the option that allows longer ones. */
    public String answerTooLong(String what) {
        return "its answer to " + what + " is longer than " + maxLine + " bytes (" + SuiteSettings.ADAPTER_MAX_LINE + ")";
    }
}
