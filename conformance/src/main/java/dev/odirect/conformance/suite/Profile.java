package dev.odirect.conformance.suite;

import java.util.Locale;

/** How hard the properties search: {@code quick} is the CI gate, {@code thorough} the investigation. */
public enum Profile {
    QUICK(60, 5, 15, 30),
    THOROUGH(1000, 5, 150, 300);

    private final int tries;
    private final int largeEvery;
    private final int sequences;
    private final int opsPerSequence;

    Profile(int tries, int largeEvery, int sequences, int opsPerSequence) {
        this.tries = tries;
        this.largeEvery = largeEvery;
        this.sequences = sequences;
        this.opsPerSequence = opsPerSequence;
    }

    /** Inputs per property. */
    public int tries() {
        return tries;
    }

    /** Of every 100 generated streams, how many are multi-MiB. */
    public int largeEvery() {
        return largeEvery;
    }

    /** Random operation sequences of the stateful test, and their length. */
    public int sequences() {
        return sequences;
    }

    public int opsPerSequence() {
        return opsPerSequence;
    }

    public static Profile parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown profile '" + name + "': use quick or thorough");
        }
    }
}
