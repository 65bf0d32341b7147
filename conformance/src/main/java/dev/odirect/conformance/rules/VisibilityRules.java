package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.verify.Evidence;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreSession;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

@ConformanceRules
class VisibilityRules {

    @Test
    void optional_VISIBLE_1_unfinishedStreamsAreInvisible(RuleContext ctx) {
        byte[] earlier = ChunkList.Bytes.of(1, 5000);
        Writes.putAndVerify(ctx, "old", earlier);
        StoreSession store = ctx.store();
        ctx.expectOk(store.open("old", "v-old"), "open old (it holds an object)");
        ctx.expectOk(store.open("new", "v-new"), "open new");
        ChunkList input = new ChunkList(List.of(4096, 4096, 1000), 2);
        byte[] whole = input.bytes();
        int n = 0;
        for (byte[] chunk : input.chunks(whole)) {
            ctx.expectOk(store.write("v-old", chunk), "write " + chunk.length + " bytes to v-old");
            ctx.expectOk(store.write("v-new", chunk), "write " + chunk.length + " bytes to v-new");
            n++;
            expectUnchanged(ctx, "old", Optional.of(earlier), "write #" + n + " of its unfinished stream");
            expectUnchanged(ctx, "new", Optional.empty(), "write #" + n + " of its unfinished stream");
        }
        ctx.expectOk(store.finish("v-old"), "finish v-old");
        ctx.expectOk(store.finish("v-new"), "finish v-new");
        ctx.expectOnDisk("old", whole, "its stream finished");
        ctx.expectOnDisk("new", whole, "its stream finished");
    }

    /** On disk and through get, the key shows what it held before the stream: that object, or nothing. */
    private static void expectUnchanged(RuleContext ctx, String key, Optional<byte[]> before, String after) {
        Optional<byte[]> onDisk = ctx.disk().read(key);
        if (!sameObject(onDisk, before)) {
            String what = onDisk.isPresent() && before.isPresent()
                    ? "holds other bytes than its earlier object: " + Evidence.difference(before.get(), onDisk.get()).orElse("")
                    : shows(onDisk) + "; until finish a reader sees " + shows(before);
            throw ctx.failure("after " + after + ", " + ctx.disk().fileOf(key) + " " + what);
        }
        Outcome got = ctx.store().get(key, OptionalLong.empty(), OptionalLong.empty());
        if (!sameObject(got.ok() ? Optional.of(got.data()) : Optional.empty(), before)) {
            throw ctx.failure("after " + after + ", get " + key + " answered " + got + "; until finish a reader sees "
                    + shows(before));
        }
    }

    private static boolean sameObject(Optional<byte[]> found, Optional<byte[]> expected) {
        return found.isPresent() == expected.isPresent()
                && (found.isEmpty() || Arrays.equals(found.get(), expected.get()));
    }

    private static String shows(Optional<byte[]> object) {
        return object.map(bytes -> "holds " + bytes.length + " bytes").orElse("no object");
    }
}
