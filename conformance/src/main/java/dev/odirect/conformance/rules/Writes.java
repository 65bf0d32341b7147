package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.StoreSession;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

    /** Handles are never reused: a store may remember finished ones and refuse them (EBADHANDLE). */
    private static final AtomicLong HANDLES = new AtomicLong();

    /** A handle for a stream to the key, used by no other stream. */
    static String newHandle(String key) {
        return "h-" + key + "-" + HANDLES.incrementAndGet();
    }

    /** Streams the input and checks the file holds exactly its bytes; answers the handle it used. */
    static String streamAndVerify(RuleContext ctx, String key, ChunkList input) {
        byte[] whole = input.bytes();
        String handle = newHandle(key);
        stream(ctx, key, handle, input.chunks(whole));
        ctx.expectOnDisk(key, whole, "a stream of " + input);
        return handle;
    }

    /** Puts the bytes and checks the file holds exactly them. */
    static void putAndVerify(RuleContext ctx, String key, byte[] data) {
        ctx.expectOk(ctx.store().put(key, data), "put " + key + " (" + data.length + " bytes)");
        ctx.expectOnDisk(key, data, "put of " + data.length + " bytes");
    }

    /** Streams the input through a new handle; true when every answer was ok. */
    static boolean tryStream(RuleContext ctx, String key, ChunkList input) {
        StoreSession store = ctx.store();
        String handle = newHandle(key);
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
