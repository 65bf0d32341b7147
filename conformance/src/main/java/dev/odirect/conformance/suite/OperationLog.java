package dev.odirect.conformance.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The operations of a rule, across its sessions, and the harness's own steps among them (crash,
 * recovery, dropping cached pages), as Jepsen records a history. A property try starts a new stretch
 * ({@link #mark()}), so a failure shows the operations of its own execution.
 */
public final class OperationLog {
    private static final int SHOWN = 40;
    /** The prefix of a step the suite took itself, not the store. */
    public static final String HARNESS = "harness: ";

    private final List<String> entries = new ArrayList<>();

    void add(String entry) {
        entries.add(entry);
    }

    void harness(String step) {
        entries.add(HARNESS + step);
    }

    /** Starts a new stretch of history (a new property try). */
    public void mark() {
        entries.clear();
    }

    /** The operations since the last mark, the most recent {@value #SHOWN}, one per element. */
    public List<String> recent() {
        int from = Math.max(0, entries.size() - SHOWN);
        List<String> shown = new ArrayList<>(from > 0 ? List.of("(" + from + " earlier operations)") : List.of());
        shown.addAll(entries.subList(from, entries.size()));
        return List.copyOf(shown);
    }
}
