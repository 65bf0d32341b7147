package dev.odirect.store.adapter;

import dev.odirect.spi.protocol.ErrorCode;

/** A request the protocol layer refuses before it reaches the store: its code and a message. */
final class AdapterError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    AdapterError(String code, String message) {
        super(message);
        this.code = code;
    }

    AdapterError(ErrorCode code, String message) {
        this(code.name(), message);
    }

    String code() {
        return code;
    }
}
