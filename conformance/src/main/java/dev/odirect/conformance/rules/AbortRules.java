package dev.odirect.conformance.rules;


import static dev.odirect.conformance.rules.Requirements.requireApplicable;
import static dev.odirect.conformance.rules.Requirements.requireCapability;
import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Capability;
import dev.odirect.spi.StoreSession;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@ConformanceRules
class AbortRules {
    static final int MIB = 1 << 20;


    @Test
    void required_ABORT_1_abortedHandleIsDead(RuleContext ctx) {
        requireCapability(ctx, Capability.ABORT);
        StoreSession store = ctx.store();
        ctx.expectOk(store.open("k", "a1"), "open k");
        ctx.expectOk(store.write("a1", ChunkList.Bytes.of(1, 4096)), "write 4096 bytes");
        ctx.expectOk(store.abort("a1"), "abort a1");
        ctx.expectError(store.write("a1", new byte[10]), "write after abort");
        ctx.expectError(store.finish("a1"), "finish after abort");
    }

    @Test
    void optional_ABORT_2_abortLeavesNoObject(RuleContext ctx) {
        requireCapability(ctx, Capability.ABORT);
        StoreSession store = ctx.store();
        byte[] aborted = ChunkList.Bytes.of(2, 5096);
        ctx.expectOk(store.open("new", "a1"), "open new");
        ctx.expectOk(store.write("a1", aborted), "write 5096 bytes");
        ctx.expectOk(store.abort("a1"), "abort a1");
        Optional<byte[]> left = ctx.disk().read("new");
        if (left.isPresent()) {
            throw ctx.failure("after abort of a new key, " + ctx.disk().fileOf("new") + " exists with "
                    + left.get().length + " bytes");
        }
        byte[] old = ChunkList.Bytes.of(3, 3000);
        Writes.putAndVerify(ctx, "old", old);
        ctx.expectOk(store.open("old", "a2"), "open old again");
        ctx.expectOk(store.write("a2", aborted), "write 5096 bytes");
        ctx.expectOk(store.abort("a2"), "abort a2");
        Optional<byte[]> after = ctx.disk().read("old");
        if (after.isPresent() && !Arrays.equals(after.get(), old)) {
            throw ctx.failure("after abort over an existing key, " + ctx.disk().fileOf("old") + " holds "
                    + after.get().length + " bytes that are neither absent nor the earlier object");
        }
    }

    @Test
    void required_ABORT_3_abortKeepsTheEarlierObject(RuleContext ctx) {
        requireCapability(ctx, Capability.ABORT);
        StoreSession store = ctx.store();
        byte[] earlier = ChunkList.Bytes.of(3, 3000);
        Writes.putAndVerify(ctx, "k", earlier);
        ctx.expectOk(store.open("k", "a1"), "open k over its object");
        // more than the write buffers of stores that write in place, so such a store has written by now
        ChunkList stream = new ChunkList(List.of(MIB, MIB, MIB, MIB, 1000), 4);
        for (byte[] chunk : stream.chunks(stream.bytes())) {
            ctx.expectOk(store.write("a1", chunk), "write " + chunk.length + " bytes");
        }
        Optional<byte[]> before = ctx.disk().read("k");
        boolean intact = before.isPresent() && Arrays.equals(before.get(), earlier);
        if (!intact && ctx.info().offers(Capability.ATOMIC_VISIBILITY)) {
            throw ctx.failure("the store declares atomic visibility, but while a stream to k was open "
                    + ctx.disk().fileOf("k") + (before.isEmpty() ? " was gone" : " held other bytes than its object"));
        }
        requireApplicable(intact, "the store writes in place: the open stream had already replaced the earlier "
                + "object of k (VISIBLE-1), so an abort has no intact object to keep");
        ctx.expectOk(store.abort("a1"), "abort a1");
        ctx.expectOnDisk("k", earlier, "an abort of a stream over it (the earlier object was intact until then)");
    }
}
