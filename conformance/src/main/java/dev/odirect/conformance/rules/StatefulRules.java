package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.Property;
import dev.odirect.conformance.property.PropertyRunner;
import dev.odirect.conformance.stateful.Op;
import dev.odirect.conformance.stateful.OpSequences;
import dev.odirect.conformance.stateful.SequenceRunner;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Capability;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@ConformanceRules
class StatefulRules {

    @Test
    void required_STATE_1_operationSequencesMatchTheModel(RuleContext ctx) {
        ctx.store();
        boolean abort = ctx.info().offers(Capability.ABORT);
        boolean delete = ctx.info().offers(Capability.DELETE);
        AtomicInteger sequence = new AtomicInteger();
        OpSequences sequences = new OpSequences(ctx.sizes(), ctx.profile().opsPerSequence(), abort, delete);
        Property<List<Op>> agrees = Property.of("STATE-1 sequences agree with the model", sequences.sequences(),
                sequences.shrinker(),
                (List<Op> ops) -> {
                    ctx.store().mark();
                    new SequenceRunner(ctx, "s" + sequence.incrementAndGet() + "/").run(ops);
                }).withCoverage(OpSequences::classify, Map.of("interleaved writers", 1, "overwrite", 1, "expected error", 1))
                .withShow(ops -> ops.toString());
        PropertyRunner.run(agrees, ctx.seed(), ctx.profile().sequences(), ctx.progress(ctx.profile().sequences()));
    }
}
