package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.property.PropertyPlan;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@ConformanceRules
class PutRules {

    @Test
    void required_PUT_1_putStoresExactBytes(RuleContext ctx) {
        AtomicInteger tries = new AtomicInteger();
        PropertyPlan<ChunkList> exact = RuleProperties.objects(ctx.sizes(), ctx.profile(), input -> {
            ctx.store().mark();
            String key = "put/" + tries.incrementAndGet();
            Writes.putAndVerify(ctx, key, input.bytes());
            ctx.disk().remove(key);
        });
        exact.run(ctx.seed(), ctx.progress(exact.tries()));
        Stream.of(0, 1, 512, 4096, 5096).forEach(size ->
                Writes.putAndVerify(ctx, "put/edge-" + size, ChunkList.Bytes.of(size, size)));
    }
}
