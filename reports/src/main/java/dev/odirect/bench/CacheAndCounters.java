package dev.odirect.bench;

import dev.odirect.conformance.verify.PageCache;
import dev.odirect.store.DirectStore;
import dev.odirect.store.StoreCounters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * After-the-fact observations in the cell: how much of a freshly written object sits in the page
 * cache (fincore), and what the store's counters say about a known amount of work.
 */
final class CacheAndCounters {
    private CacheAndCounters() {
    }

    static Map<String, Object> observe(Path dir) throws IOException {
        Map<String, Object> observed = new LinkedHashMap<>();
        for (BenchTarget target : new BenchTarget[] {BenchTarget.DIRECT, BenchTarget.BUFFERED_FSYNC}) {
            // the store holds its root open: close it, or the cell's filesystem cannot be unmounted
            try (DirectStore store = target.store(dir, 1 << 20)) {
                ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                target.write(store, dir, "residency", chunk, 16, ByteBuffer.allocate(1000));
                for (int i = 0; i < 20; i++) {
                    store.put("small-" + i, ByteBuffer.allocate(100_000 + i));
                    store.get("small-" + i);
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("object_bytes", 16L * (1 << 20) + 1000);
                entry.put("resident_bytes", PageCache.residentBytes(dir.resolve("residency")).orElse(-1L));
                StoreCounters.Snapshot counters = store.counters().snapshot();
                entry.put("counters", counters);
                observed.put(target.name(), entry);
                store.delete("residency");
                for (int i = 0; i < 20; i++) {
                    store.delete("small-" + i);
                }
            }
        }
        return observed;
    }
}
