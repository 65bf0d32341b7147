package dev.odirect.store;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Latencies of store operations (put, finish, get, delete): a bounded reservoir sample per operation. */
public final class Latencies {
    private static final int RESERVOIR = 8192;

    /** Percentiles of one operation, in microseconds. */
    public record Percentiles(long count, long p50, long p90, long p99, long max) {
    }

    private final Map<String, Reservoir> byOperation = new ConcurrentHashMap<>();

    public void record(String operation, long nanos) {
        byOperation.computeIfAbsent(operation, op -> new Reservoir()).add(nanos / 1000);
    }

    public Map<String, Percentiles> snapshot() {
        Map<String, Percentiles> snapshot = new TreeMap<>();
        byOperation.forEach((operation, reservoir) -> snapshot.put(operation, reservoir.percentiles()));
        return snapshot;
    }

    private static final class Reservoir {
        private final long[] samples = new long[RESERVOIR];
        private long seen;

        synchronized void add(long micros) {
            if (seen < RESERVOIR) {
                samples[(int) seen] = micros;
            } else {
                long slot = ThreadLocalRandom.current().nextLong(seen + 1);
                if (slot < RESERVOIR) {
                    samples[(int) slot] = micros;
                }
            }
            seen++;
        }

        synchronized Percentiles percentiles() {
            long[] sorted = Arrays.copyOf(samples, (int) Math.min(seen, RESERVOIR));
            Arrays.sort(sorted);
            return new Percentiles(seen, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }

        private static long at(long[] sorted, double quantile) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
        }
    }
}
