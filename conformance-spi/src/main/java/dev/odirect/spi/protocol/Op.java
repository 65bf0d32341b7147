package dev.odirect.spi.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * The requests of the store adapter protocol ({@code docs/adapter-protocol.md}), as both the suite's
 * client and the reference store's server spell them.
 */
public enum Op {
    HELLO, PUT, OPEN, WRITE, FINISH, ABORT, GET, DELETE, BYE;

    /** The version of the protocol these ops belong to: hello asks for it and must be answered with it. */
    public static final int PROTOCOL_VERSION = 1;

    /** The entry of hello's {@code ops} that offers a ranged {@code get}: it is not an op of its own. */
    public static final String GET_RANGE = "get_range";

    /** The entry of hello's optional {@code promises} that declares atomic visibility. */
    public static final String ATOMIC_VISIBILITY = "atomic_visibility";

    /** The op's name on the wire, {@code put}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The op a request names, if the protocol has it. */
    public static Optional<Op> fromWire(String name) {
        for (Op op : values()) {
            if (op.wire().equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
