package dev.odirect.spi;

import java.util.Objects;

/**
 * A store's answer to one operation, as the adapter protocol models it: ok (with data for a get),
 * or an error code (an errno name such as {@code EINVAL}, or {@code EBADHANDLE},
 * {@code EUNSUPPORTED}) and a message.
 */
public record Outcome(boolean ok, String code, String message, byte[] data) {
    private static final byte[] NONE = new byte[0];

    public Outcome {
        data = data == null ? NONE : data;
    }

    public static Outcome success() {
        return new Outcome(true, null, null, NONE);
    }

    public static Outcome success(byte[] data) {
        return new Outcome(true, null, null, Objects.requireNonNull(data));
    }

    public static Outcome error(String code, String message) {
        return new Outcome(false, Objects.requireNonNull(code), message, NONE);
    }

    @Override
    public String toString() {
        return ok ? (data.length == 0 ? "ok" : "ok (" + data.length + " bytes)") : code + " (" + message + ")";
    }
}
