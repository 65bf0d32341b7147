package dev.odirect.conformance.suite;

import java.time.Duration;

/**
 * How long a store, in process or behind an adapter, may take to answer one call: past it the
 * session breaks, and the suite goes on instead of hanging.
 */
public record SessionLimits(Duration timeout) {
    public static final String TIMEOUT_OPTION = "--timeout";
    public static final long DEFAULT_TIMEOUT_SECONDS = 30;
    public static final SessionLimits DEFAULTS = new SessionLimits(Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS));

    public SessionLimits {
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException(TIMEOUT_OPTION + " must be at least 1 second, not " + timeout.toSeconds());
        }
    }

    public SessionLimits withTimeout(Duration other) {
        return new SessionLimits(other);
    }

    /** Why a call broke its session when it went unanswered, naming the option that allows more time. */
    public static String noAnswer(String what, Duration waited) {
        return "no answer to " + what + " within " + waited.toSeconds() + " s (" + TIMEOUT_OPTION + ")";
    }
}
