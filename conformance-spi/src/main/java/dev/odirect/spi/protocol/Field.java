package dev.odirect.spi.protocol;

/** The field names of the adapter protocol's requests and answers. */
public final class Field {
    public static final String OP = "op";
    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String MESSAGE = "message";
    public static final String PROTOCOL = "protocol";
    public static final String ROOT = "root";
    public static final String NAME = "name";
    public static final String VERSION = "version";
    public static final String OPS = "ops";
    public static final String PROMISES = "promises";
    public static final String KEY = "key";
    public static final String HANDLE = "handle";
    /** An object's or a chunk's bytes, standard base64 with padding. */
    public static final String DATA = "data";
    public static final String OFFSET = "offset";
    public static final String LENGTH = "length";
    /** How a put's or finish's bytes went: information a client may ignore. */
    public static final String SIZE = "size";
    public static final String DIRECT_BYTES = "direct_bytes";
    public static final String BUFFERED_BYTES = "buffered_bytes";
    public static final String DIRECT_IO = "direct_io";
    public static final String NOT_VERIFIED = "not_verified";
    public static final String FALLBACK = "fallback";

    private Field() {
    }
}
