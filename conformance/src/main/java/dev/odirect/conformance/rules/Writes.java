package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.StoreSession;
import java.util.List;

/** The steps most rules share: write an object (put or stream), expect ok, check it on disk. */
final class Writes {
    private Writes() {
    }

    /** Streams the chunks through a new handle; every answer must be ok. */
    static void stream(RuleContext ctx, String key, String handle, List<byte[]> chunks) {
        StoreSession store = ctx.store();
        ctx.expectOk(store.open(key, handle), "open " + key);
        int n = 0;
        for (byte[] chunk : chunks) {
            ctx.expectOk(store.write(handle, chunk), "write #" + n++ + " of " + chunk.length + " bytes to " + handle);
        }
        ctx.expectOk(store.finish(handle), "finish " + handle);
    }

    /** Streams the input and checks the file holds exactly its bytes. */
    static void streamAndVerify(RuleContext ctx, String key, ChunkList input) {
        byte[] whole = input.bytes();
        stream(ctx, key, "h-" + key, input.chunks(whole));
        ctx.expectOnDisk(key, whole, "a stream of " + input);
    }

    /** Puts the bytes and checks the file holds exactly them. */
    static void putAndVerify(RuleContext ctx, String key, byte[] data) {
        ctx.expectOk(ctx.store().put(key, data), "put " + key + " (" + data.length + " bytes)");
        ctx.expectOnDisk(key, data, "put of " + data.length + " bytes");
    }

    /** Streams the input through a new handle; true when every answer was ok. */
    static boolean tryStream(RuleContext ctx, String key, ChunkList input) {
        StoreSession store = ctx.store();
        String handle = "t-" + key;
        if (!store.open(key, handle).ok()) {
            return false;
        }
        boolean written = true;
        for (byte[] chunk : input.chunks(input.bytes())) {
            written &= store.write(handle, chunk).ok();
        }
        return store.finish(handle).ok() && written;
    }
}
