package dev.odirect.store.adapter;

import dev.odirect.store.InvalidKeyException;
import dev.odirect.store.StoreIOException;

/** A request that gets {@code ok:false}: the protocol's error code and a message for people. */
final class AdapterError extends Exception {
    private static final long serialVersionUID = 1L;
    static final String EPROTO = "EPROTO";
    static final String EBADHANDLE = "EBADHANDLE";
    static final String EUNSUPPORTED = "EUNSUPPORTED";

    private final String code;

    AdapterError(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The code for a failure of the store: its errno name where it has one. */
    static AdapterError from(Throwable failure) {
        if (failure instanceof AdapterError error) {
            return error;
        }
        if (failure instanceof StoreIOException io) {
            return new AdapterError(io.errnoName(), io.getMessage());
        }
        if (failure instanceof IllegalStateException && failure.getCause() instanceof StoreIOException io) {
            return new AdapterError(io.errnoName(), failure.getMessage());
        }
        if (failure instanceof InvalidKeyException || failure instanceof IllegalArgumentException) {
            return new AdapterError("EINVAL", failure.getMessage());
        }
        return new AdapterError("EIO", failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
