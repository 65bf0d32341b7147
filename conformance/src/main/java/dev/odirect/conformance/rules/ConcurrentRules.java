package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.StoreSession;
import java.util.List;
import org.junit.jupiter.api.Test;

@ConformanceRules
class ConcurrentRules {
    static final List<List<Integer>> WRITERS = List.of(
            List.of(4096, 4096, 1000), List.of(1000, 3000, 96, 4096), List.of(512, 0, 512, 7), List.of(8192, 8192, 8192));

    @Test
    void required_CONCURRENT_1_interleavedWritersStayApart(RuleContext ctx) {
        StoreSession store = ctx.store();
        List<byte[]> wholes = new java.util.ArrayList<>();
        List<List<byte[]>> chunks = new java.util.ArrayList<>();
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
}
