package dev.odirect.conformance.rules;

import dev.odirect.conformance.evidence.Category;
import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.verify.PageCache;
import dev.odirect.spi.Capability;
import dev.odirect.spi.Outcome;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

@ConformanceRules
class DirectRules {
    /** The unaligned tail may go through the page cache: its page and one more are allowed. */
    static final long ALLOWED_RESIDENT = 2 * 4096;
    private static final int MIB = 1 << 20;
    /** Several MiB, larger than common buffers, ending in an unaligned tail. */
    static final ChunkList MEGABYTES_AND_A_TAIL = new ChunkList(List.of(MIB, MIB, MIB, MIB, MIB, MIB, MIB, MIB, 1000), 1);

    @Test
    void optional_DIRECT_1_alignedPartBypassesPageCache(RuleContext ctx) {
        ctx.require(Capability.DIRECT_IO);
        ctx.requirePageCacheObservable();
        byte[] whole = MEGABYTES_AND_A_TAIL.bytes();
        Writes.stream(ctx, "direct", "h-direct", MEGABYTES_AND_A_TAIL.chunks(whole));
        expectAtMostTheTailCached(ctx, "direct", whole.length, "right after an acknowledged stream", "the writes");
        ctx.expectOnDisk("direct", whole, "a stream of " + MEGABYTES_AND_A_TAIL);
    }

    @Test
    void optional_DIRECT_2_putAndGetBypassPageCache(RuleContext ctx) {
        ctx.require(Capability.DIRECT_IO);
        ctx.requirePageCacheObservable();
        byte[] whole = MEGABYTES_AND_A_TAIL.bytes();
        ctx.expectOk(ctx.store().put("direct", whole), "put direct (" + whole.length + " bytes)");
        expectAtMostTheTailCached(ctx, "direct", whole.length, "right after an acknowledged put", "the put");
        ctx.disk().dropCachedPages("direct");
        Outcome got = ctx.store().get("direct", OptionalLong.empty(), OptionalLong.empty());
        expectAtMostTheTailCached(ctx, "direct", whole.length, "right after a get whose pages the suite dropped first",
                "the get");
        ReadRules.expectData(ctx, got, whole, "get direct");
        ctx.expectOnDisk("direct", whole, "a put of " + whole.length + " bytes");
    }

    private static void expectAtMostTheTailCached(RuleContext ctx, String key, int size, String when, String io) {
        long resident = PageCache.residentBytes(ctx.disk().fileOf(key)).orElseThrow(
                () -> ctx.failure("fincore could not read " + ctx.disk().fileOf(key)));
        if (resident > ALLOWED_RESIDENT) {
            throw ctx.failure(Category.NOT_DIRECT, resident + " of " + size + " bytes are in the page cache " + when + "; with O_DIRECT "
                    + "at most " + ALLOWED_RESIDENT + " (the tail) should be: " + io + " went through the page cache");
        }
    }
}
