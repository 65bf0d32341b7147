package dev.odirect.conformance.crash;

import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Capability;
import dev.odirect.spi.StoreSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The operations whose crash states are explored, chosen to reach the dangerous windows: new
 * objects of every size class (put and stream), overwrites of acknowledged objects with the same
 * size and with another, deletes, a deleted key written again, new nested directories, two
 * interleaved streams, and streams left unfinished at the end (deletes only for a store that
 * offers them), followed by one more put whose
 * flush carries whatever they wrote so far. A round has each of them at least twice, so no
 * finding depends on one lucky operation.
 */
final class CrashWorkload {
    static final List<Integer> SIZES = List.of(0, 1, 3000, 4096, 4096 + 1000, 8192 + 7, 65536, (1 << 20) + 13);
    private static final int NEW_PER_ROUND = 6;

    private final RuleContext ctx;
    private final CrashHistory history;
    private final Random random;
    private final List<String> live = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();
    private int handles;

    CrashWorkload(RuleContext ctx, CrashHistory history) {
        this.ctx = ctx;
        this.history = history;
        this.random = new Random(ctx.seed());
    }

    static int rounds(Profile profile) {
        return profile == Profile.THOROUGH ? 5 : 1;
    }

    void run(int rounds) {
        for (int round = 0; round < rounds; round++) {
            List<Integer> sizes = new ArrayList<>(SIZES);
            Collections.shuffle(sizes, random);
            for (int i = 0; i < NEW_PER_ROUND; i++) {
                String key = i < 2 ? "r" + round + "/deep" + i + "/a/b/obj" + i : "r" + round + "/new/" + i;
                write(key, sizes.get(i), i % 2 == 0);
                live.add(key);
            }
            for (int i = 0; i < 3; i++) {
                String key = pick(live);
                write(key, sizeOf(key), i % 2 == 1);
            }
            for (int i = 0; i < 2; i++) {
                write(pick(live), SIZES.get(random.nextInt(SIZES.size())) + 512 * (i + 1), i % 2 == 0);
            }
            if (ctx.info().offers(Capability.DELETE)) {
                for (int i = 0; i < 2; i++) {
                    String key = pick(live);
                    delete(key);
                    live.remove(key);
                    deleted.add(key);
                }
                String again = deleted.remove(0);
                write(again, 4096 + 1000, true);
                live.add(again);
            }
            interleaved("r" + round + "/pair/a", "r" + round + "/pair/b");
        }
        unfinished("unfinished/new");
        unfinished(pick(live));
        write("last/after-unfinished", 4096 + 1000, true);
    }

    private void write(String key, int size, boolean put) {
        byte[] content = content(size);
        StoreSession store = ctx.store();
        int op = history.invoke(key, put ? CrashHistory.Kind.PUT : CrashHistory.Kind.STREAM, Optional.of(content));
        if (put) {
            ctx.expectOk(store.put(key, content), "put " + key + " (" + size + " bytes)");
        } else {
            String handle = handle();
            ctx.expectOk(store.open(key, handle), "open " + key);
            for (byte[] chunk : chunks(content)) {
                ctx.expectOk(store.write(handle, chunk), "write " + chunk.length + " bytes to " + key);
            }
            ctx.expectOk(store.finish(handle), "finish " + key);
        }
        history.answer(op, true);
    }

    private void delete(String key) {
        int op = history.invoke(key, CrashHistory.Kind.DELETE, Optional.empty());
        ctx.expectOk(ctx.store().delete(key), "delete " + key);
        history.answer(op, true);
    }

    /** Two streams open at once, their chunks alternating, the second finished first. */
    private void interleaved(String first, String second) {
        byte[] a = content(65536 + 1000);
        byte[] b = content(4096 * 3 + 7);
        int opA = history.invoke(first, CrashHistory.Kind.STREAM, Optional.of(a));
        String handleA = handle();
        ctx.expectOk(ctx.store().open(first, handleA), "open " + first);
        int opB = history.invoke(second, CrashHistory.Kind.STREAM, Optional.of(b));
        String handleB = handle();
        ctx.expectOk(ctx.store().open(second, handleB), "open " + second);
        List<byte[]> chunksA = chunks(a);
        List<byte[]> chunksB = chunks(b);
        for (int i = 0; i < Math.max(chunksA.size(), chunksB.size()); i++) {
            if (i < chunksA.size()) {
                ctx.expectOk(ctx.store().write(handleA, chunksA.get(i)), "write to " + first);
            }
            if (i < chunksB.size()) {
                ctx.expectOk(ctx.store().write(handleB, chunksB.get(i)), "write to " + second);
            }
        }
        ctx.expectOk(ctx.store().finish(handleB), "finish " + second);
        history.answer(opB, true);
        ctx.expectOk(ctx.store().finish(handleA), "finish " + first);
        history.answer(opA, true);
        live.add(first);
        live.add(second);
    }

    /** A stream that has written chunks and is still open when the crash comes. */
    private void unfinished(String key) {
        byte[] content = content(8192 + 1000);
        history.invoke(key, CrashHistory.Kind.STREAM, Optional.of(content));
        String handle = handle();
        ctx.expectOk(ctx.store().open(key, handle), "open " + key);
        for (byte[] chunk : chunks(content)) {
            ctx.expectOk(ctx.store().write(handle, chunk), "write " + chunk.length + " bytes to " + key);
        }
    }

    private int sizeOf(String key) {
        List<CrashHistory.Op> ops = history.of(key);
        return ops.get(ops.size() - 1).content().map(bytes -> bytes.length).orElse(4096);
    }

    private String pick(List<String> keys) {
        return keys.get(random.nextInt(keys.size()));
    }

    private String handle() {
        return "crash-" + ctx.seed() + "-" + handles++;
    }

    private byte[] content(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** 4096 bytes, then 1000, then pieces of 64 KiB: aligned and unaligned chunk boundaries. */
    static List<byte[]> chunks(byte[] whole) {
        List<byte[]> chunks = new ArrayList<>();
        int at = 0;
        int[] first = {4096, 1000};
        for (int i = 0; at < whole.length; i++) {
            int length = Math.min(whole.length - at, i < first.length ? first[i] : 65536);
            chunks.add(Arrays.copyOfRange(whole, at, at + length));
            at += length;
        }
        return chunks;
    }
}
