package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.verify.PageCache;
import dev.odirect.spi.Capability;
import java.util.List;
import org.junit.jupiter.api.Test;

@ConformanceRules
class DirectRules {
    /** The unaligned tail may go through the page cache: its page and one more are allowed. */
    static final long ALLOWED_RESIDENT = 2 * 4096;

    @Test
    void optional_DIRECT_1_alignedPartBypassesPageCache(RuleContext ctx) {
        ctx.require(Capability.DIRECT_IO);
        ctx.requirePageCacheObservable();
        int mib = 1 << 20;
        ChunkList input = new ChunkList(List.of(mib, mib, mib, mib, mib, mib, mib, mib, 1000), 1);
        byte[] whole = input.bytes();
        Writes.stream(ctx, "direct", "h-direct", input.chunks(whole));
        long resident = PageCache.residentBytes(ctx.disk().fileOf("direct")).orElseThrow(
                () -> ctx.failure("fincore could not read " + ctx.disk().fileOf("direct")));
        if (resident > ALLOWED_RESIDENT) {
            throw ctx.failure(resident + " of " + whole.length + " bytes are in the page cache right after an "
                    + "acknowledged stream; with O_DIRECT at most " + ALLOWED_RESIDENT + " (the tail) should be: "
                    + "the writes went through the page cache");
        }
        ctx.expectOnDisk("direct", whole, "a stream of " + input);
    }
}
