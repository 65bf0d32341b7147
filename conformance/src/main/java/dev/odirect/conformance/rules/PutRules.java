package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.property.ChunkLists;
import dev.odirect.conformance.property.Property;
import dev.odirect.conformance.property.PropertyRunner;
import dev.odirect.conformance.property.Sizes;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@ConformanceRules
class PutRules {

    @Test
    void required_PUT_1_putStoresExactBytes(RuleContext ctx) {
        AtomicInteger tries = new AtomicInteger();
        ChunkLists lists = new ChunkLists(ctx.sizes(), ctx.profile().largeEvery());
        Property<ChunkList> exact = Property.of("PUT-1 exact put", lists.objects(),
                input -> Sizes.shrink(input.total()).map(size -> input.withSizes(List.of(size))),
                input -> {
                    ctx.store().mark();
                    String key = "put/" + tries.incrementAndGet();
                    Writes.putAndVerify(ctx, key, input.bytes());
                    ctx.disk().remove(key);
                }).withShow(input -> input.total() + " bytes (data seed " + input.dataSeed() + ")");
        PropertyRunner.run(exact, ctx.seed(), ctx.profile().tries(), ctx.progress(ctx.profile().tries()));
        Stream.of(0, 1, 512, 4096, 5096).forEach(size ->
                Writes.putAndVerify(ctx, "put/edge-" + size, ChunkList.Bytes.of(size, size)));
    }
}
