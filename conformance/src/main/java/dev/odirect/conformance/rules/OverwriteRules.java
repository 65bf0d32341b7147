package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

@ConformanceRules
class OverwriteRules {

    @Test
    void required_OVERWRITE_1_overwriteReplacesWholly(RuleContext ctx) {
        Writes.putAndVerify(ctx, "k", ChunkList.Bytes.of(1, 3 * 4096 + 100));
        Writes.putAndVerify(ctx, "k", ChunkList.Bytes.of(2, 1000));
        Writes.streamAndVerify(ctx, "k", new ChunkList(List.of(4096, 4096, 17), 3));
        Writes.streamAndVerify(ctx, "k", new ChunkList(List.of(512), 4));
        Writes.putAndVerify(ctx, "k", ChunkList.Bytes.of(5, 0));
        Writes.streamAndVerify(ctx, "k", new ChunkList(List.of(8192, 1), 6));
    }
}
