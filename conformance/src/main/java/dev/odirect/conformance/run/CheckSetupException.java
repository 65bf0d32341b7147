package dev.odirect.conformance.run;

/** The run cannot start as asked (a missing directory, an unknown rule, a store that does not start): exit 2. */
public final class CheckSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckSetupException(String message) {
        super(message);
    }
}
