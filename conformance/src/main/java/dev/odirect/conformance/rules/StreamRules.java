package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.property.PropertyPlan;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.StoreSession;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@ConformanceRules
class StreamRules {
    static final int[][] SEED_PROJECT_STREAMS = {{4096}, {4096, 1000}, {3000}, {0, 4096, 0, 512, 0},
        {512, 1000, 2048, 4096, 8192, 7}, {8192}, {}, {0}, {0, 0, 0}};

    @Test
    void required_STREAM_1_streamStoresExactBytes(RuleContext ctx) {
        AtomicInteger tries = new AtomicInteger();
        PropertyPlan<ChunkList> exact = RuleProperties.streams(ctx.sizes(), ctx.profile(), input -> {
            ctx.store().mark();
            String key = "p/" + tries.incrementAndGet();
            Writes.streamAndVerify(ctx, key, input);
            ctx.disk().remove(key);
        });
        exact.run(ctx.seed(), ctx.progress(exact.tries()));
    }

    @Test
    void required_STREAM_2_seedProjectStreamsAreExact(RuleContext ctx) {
        int n = 0;
        for (int[] sizes : SEED_PROJECT_STREAMS) {
            List<Integer> list = Arrays.stream(sizes).boxed().toList();
            Writes.streamAndVerify(ctx, "stream/" + n++, new ChunkList(list, n));
        }
    }

    @Test
    void required_STREAM_3_emptyChunksAreAccepted(RuleContext ctx) {
        StoreSession store = ctx.store();
        byte[] empty = new byte[0];
        ctx.expectOk(store.open("only-empty", "e1"), "open only-empty");
        ctx.expectOk(store.write("e1", empty), "a 0-byte write as the only chunk");
        ctx.expectOk(store.finish("e1"), "finish after a 0-byte write");
        ctx.expectOnDisk("only-empty", empty, "a stream of one 0-byte chunk");
        byte[] data = ChunkList.Bytes.of(3, 5000);
        ctx.expectOk(store.open("mixed", "e2"), "open mixed");
        ctx.expectOk(store.write("e2", empty), "a 0-byte write first");
        ctx.expectOk(store.write("e2", Arrays.copyOfRange(data, 0, 4096)), "a 4096-byte write");
        ctx.expectOk(store.write("e2", empty), "a 0-byte write between chunks");
        ctx.expectOk(store.write("e2", Arrays.copyOfRange(data, 4096, 5000)), "a 904-byte write");
        ctx.expectOk(store.write("e2", empty), "a 0-byte write last");
        ctx.expectOk(store.finish("e2"), "finish");
        ctx.expectOnDisk("mixed", data, "a stream with 0-byte chunks first, between and last");
    }
}
