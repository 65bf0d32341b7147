package dev.odirect.conformance.suite;

import java.time.Duration;

/**
 * How long a store, in process or behind an adapter, may take to answer one call, and how long
 * an adapter's answer line may be: past either the session breaks, and the suite goes on instead
 * of hanging or running out of memory.
 */
public record SessionLimits(Duration timeout, int maxLine) {
    public static final String TIMEOUT_OPTION = "--timeout";
    public static final String MAX_LINE_OPTION = "--adapter-max-line";
    public static final long DEFAULT_TIMEOUT_SECONDS = 30;
    /** Room for the base64 of a 48 MiB object; the rules send a few MiB at most. */
    public static final int DEFAULT_MAX_LINE = 64 << 20;
    public static final SessionLimits DEFAULTS =
            new SessionLimits(Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS), DEFAULT_MAX_LINE);

    public SessionLimits {
        if (timeout.toSeconds() < 1) {
            throw new IllegalArgumentException(TIMEOUT_OPTION + " must be at least 1 second, not " + timeout.toSeconds());
        }
        if (maxLine < 1) {
            throw new IllegalArgumentException(MAX_LINE_OPTION + " must be at least 1 byte, not " + maxLine);
        }
    }

    public SessionLimits withTimeout(Duration other) {
        return new SessionLimits(other, maxLine);
    }

    public SessionLimits withMaxLine(int bytes) {
        return new SessionLimits(timeout, bytes);
    }

    /** Why a call broke its session when it went unanswered, naming the option that allows more time. */
    public static String noAnswer(String what, Duration waited) {
        return "no answer to " + what + " within " + waited.toSeconds() + " s (" + TIMEOUT_OPTION + ")";
    }

    /** Why an answer broke its session when it was too long, naming the option that allows longer ones. */
    public String answerTooLong(String what) {
        return "its answer to " + what + " is longer than " + maxLine + " bytes (" + MAX_LINE_OPTION + ")";
    }
}
