package dev.odirect.store.adapter;

/** A request the protocol layer refuses before it reaches the store: its code and a message. */
final class AdapterError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    AdapterError(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
