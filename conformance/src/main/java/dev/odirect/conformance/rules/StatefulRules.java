package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.PropertyPlan;
import dev.odirect.conformance.stateful.Op;
import dev.odirect.conformance.stateful.SequenceRunner;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Capability;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@ConformanceRules
class StatefulRules {

    @Test
    void required_STATE_1_operationSequencesMatchTheModel(RuleContext ctx) {
        ctx.store();
        boolean abort = ctx.info().offers(Capability.ABORT);
        boolean delete = ctx.info().offers(Capability.DELETE);
        boolean atomic = ctx.info().offers(Capability.ATOMIC_VISIBILITY);
        AtomicInteger sequence = new AtomicInteger();
        PropertyPlan<List<Op>> agrees = RuleProperties.sequences(ctx.sizes(), ctx.profile(), abort, delete, ops -> {
            ctx.store().mark();
            new SequenceRunner(ctx, "s" + sequence.incrementAndGet() + "/", atomic).run(ops);
        });
        agrees.run(ctx.seed(), ctx.progress(agrees.tries()));
    }
}
