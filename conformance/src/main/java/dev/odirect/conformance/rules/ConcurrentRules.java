package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.verify.Evidence;
import dev.odirect.spi.StoreSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@ConformanceRules
class ConcurrentRules {
    static final List<List<Integer>> WRITERS = List.of(
            List.of(4096, 4096, 1000), List.of(1000, 3000, 96, 4096), List.of(512, 0, 512, 7), List.of(8192, 8192, 8192));

    @Test
    void required_CONCURRENT_1_interleavedWritersStayApart(RuleContext ctx) {
        StoreSession store = ctx.store();
        List<byte[]> wholes = new ArrayList<>();
        List<List<byte[]>> chunks = new ArrayList<>();
        for (int w = 0; w < WRITERS.size(); w++) {
            ChunkList input = new ChunkList(WRITERS.get(w), w + 100);
            wholes.add(input.bytes());
            chunks.add(input.chunks(wholes.get(w)));
            ctx.expectOk(store.open("w/" + w, "h" + w), "open w/" + w + " while " + w + " other writers are open");
        }
        for (int round = 0; round < 4; round++) {
            for (int w = 0; w < WRITERS.size(); w++) {
                if (round < chunks.get(w).size()) {
                    byte[] chunk = chunks.get(w).get(round);
                    ctx.expectOk(store.write("h" + w, chunk), "write " + chunk.length + " bytes to h" + w);
                }
            }
        }
        for (int w = WRITERS.size() - 1; w >= 0; w--) {
            ctx.expectOk(store.finish("h" + w), "finish h" + w);
        }
        for (int w = 0; w < WRITERS.size(); w++) {
            ctx.expectOnDisk("w/" + w, wholes.get(w), "interleaved writers " + WRITERS);
        }
    }

    @Test
    void required_CONCURRENT_2_sameKeyStreamsNeverMix(RuleContext ctx) {
        sameKey(ctx, "longer-first", new ChunkList(List.of(4096, 4096, 4096, 1000), 11), new ChunkList(List.of(4096, 100), 12));
        sameKey(ctx, "shorter-first", new ChunkList(List.of(4096, 100), 13), new ChunkList(List.of(4096, 4096, 4096, 1000), 14));
    }

    /**
     * Two streams on one key, chunks interleaved, finished in order: a store may refuse the second
     * open or either finish, and the key then holds one acknowledged stream whole.
     */
    private static void sameKey(RuleContext ctx, String key, ChunkList first, ChunkList second) {
        StoreSession store = ctx.store();
        List<ChunkList> inputs = List.of(first, second);
        List<String> handles = List.of(key + "-1", key + "-2");
        ctx.expectOk(store.open(key, handles.get(0)), "open " + key);
        boolean both = store.open(key, handles.get(1)).ok();
        List<List<byte[]>> chunks = inputs.stream().map(input -> input.chunks(input.bytes())).toList();
        int writers = both ? 2 : 1;
        for (int round = 0; round < 4; round++) {
            for (int w = 0; w < writers; w++) {
                if (round < chunks.get(w).size()) {
                    store.write(handles.get(w), chunks.get(w).get(round));
                }
            }
        }
        List<byte[]> acknowledged = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            if (store.finish(handles.get(w)).ok()) {
                acknowledged.add(inputs.get(w).bytes());
            }
        }
        if (acknowledged.isEmpty()) {
            return;
        }
        byte[] found = ctx.disk().read(key).orElse(null);
        if (found == null || acknowledged.stream().noneMatch(whole -> Arrays.equals(whole, found))) {
            byte[] last = acknowledged.get(acknowledged.size() - 1);
            throw ctx.failure("two streams on " + key + " (" + first + "; " + second + "), " + acknowledged.size()
                    + " finished ok: the file is neither stream whole: "
                    + (found == null ? "no file" : Evidence.difference(last, found)
                            .orElse("") + " (compared with the stream finished last)"));
        }
    }
}
