package dev.odirect.store;

/** A key that is not a relative path of non-empty segments other than {@code .} and {@code ..}. */
public class InvalidKeyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidKeyException(String key, String why) {
        super("invalid key " + quote(key) + ": " + why
                + " (a key is a relative path of '/'-separated segments, none empty, '.' or '..')");
    }

    private static String quote(String key) {
        return key == null ? "null" : '"' + key + '"';
    }
}
