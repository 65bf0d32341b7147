package dev.odirect.conformance.suite;

import dev.odirect.conformance.property.DoNotShrink;

/**
 * The store's session itself broke: an adapter that died, went silent or printed something that is
 * not the protocol, or a store in process that did not answer in time. The rule fails with this
 * message and the next one gets a fresh session.
 */
public class SessionBrokenException extends RuntimeException implements DoNotShrink {
    private static final long serialVersionUID = 1L;

    public SessionBrokenException(String message) {
        super(message);
    }

    public SessionBrokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
