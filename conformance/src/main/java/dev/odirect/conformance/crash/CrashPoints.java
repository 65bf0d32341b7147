package dev.odirect.conformance.crash;

import java.util.List;

/**
 * What the history says about where crashes matter, in the log's sequence numbers: the state
 * explorer crashes right after every acknowledgement (losing what the device had not flushed),
 * at every flush and before it inside an operation's window, tears writes inside the windows, and
 * adds {@code randomStates} more at seeded places between {@code from} and {@code to}.
 */
public record CrashPoints(int from, int to, List<Integer> acknowledgements, List<Window> inFlight, long seed,
                          int randomStates) {

    /** From an operation's invocation mark to its answer's. */
    public record Window(int from, int to) {
    }
}
