package dev.odirect.conformance.rules;

import static dev.odirect.conformance.rules.Requirements.requireApplicable;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.verify.Evidence;
import dev.odirect.spi.Capability;
import dev.odirect.spi.StoreSession;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@ConformanceRules
class OverwriteRules {
    static final int MIB = 1 << 20;
    /** Overwrites watched by a reader (besides the descriptor kept on the old object, which sees any rewrite in place). */
    static final int REPLACE_ROUNDS = 5;

    @Test
    void required_OVERWRITE_1_overwriteReplacesWholly(RuleContext ctx) {
        Writes.putAndVerify(ctx, "k", ChunkList.Bytes.of(1, 3 * 4096 + 100));
        Writes.putAndVerify(ctx, "k", ChunkList.Bytes.of(2, 1000));
        Writes.streamAndVerify(ctx, "k", new ChunkList(List.of(4096, 4096, 17), 3));
        Writes.streamAndVerify(ctx, "k", new ChunkList(List.of(512), 4));
        Writes.putAndVerify(ctx, "k", ChunkList.Bytes.of(5, 0));
        Writes.streamAndVerify(ctx, "k", new ChunkList(List.of(8192, 1), 6));
    }

    @Test
    void required_OVERWRITE_2_readersDuringFinishSeeOldOrNew(RuleContext ctx) throws InterruptedException, IOException {
        ctx.store();
        requireApplicable(ctx.info().offers(Capability.ATOMIC_VISIBILITY), "store " + ctx.info().name()
                + " does not declare atomic visibility: it may write in place, and readers then see partial objects "
                + "while it writes (VISIBLE-1)");
        for (int round = 0; round < REPLACE_ROUNDS; round++) {
            byte[] old = ChunkList.Bytes.of(round, 4 * MIB + 100);
            Writes.putAndVerify(ctx, "k", old);
            ChunkList next = new ChunkList(List.of(MIB, MIB, MIB, 517), round + 100);
            byte[] whole = next.bytes();
            StoreSession store = ctx.store();
            ctx.expectOk(store.open("k", "r" + round), "open k over its object");
            for (byte[] chunk : next.chunks(whole)) {
                ctx.expectOk(store.write("r" + round, chunk), "write " + chunk.length + " bytes");
            }
            Path file = ctx.disk().fileOf("k");
            RandomAccessFile oldFile = new RandomAccessFile(file.toFile(), "r");
            AtomicReference<byte[]> torn = new AtomicReference<>();
            AtomicBoolean finishing = new AtomicBoolean(true);
            Thread reader = new Thread(() -> watch(file, old, whole, finishing, torn), "odirect-overwrite-reader");
            reader.start();
            try {
                ctx.expectOk(store.finish("r" + round), "finish r" + round);
            } finally {
                finishing.set(false);
                reader.join();
            }
            byte[] underTheOldName = readAll(oldFile);
            if (!Arrays.equals(underTheOldName, old)) {
                throw ctx.failure("finish of an overwrite rewrote the old object in place: a descriptor opened on "
                        + file + " before finish now reads " + underTheOldName.length + " other bytes ("
                        + Evidence.difference(old, underTheOldName).orElse("") + "); a reader that had it open saw "
                        + "the object change under it, so replacing is not one step");
            }
            if (torn.get() != null) {
                byte[] seen = torn.get();
                throw ctx.failure("a reader of " + file + " during finish of an overwrite found " + seen.length
                        + " bytes, neither the old object (" + old.length + " bytes) nor the new one: "
                        + Evidence.difference(whole, seen).orElse(""));
            }
            ctx.expectOnDisk("k", whole, "an overwrite watched by a reader");
        }
    }

    private static byte[] readAll(RandomAccessFile file) throws IOException {
        try (file) {
            byte[] data = new byte[Math.toIntExact(file.length())];
            file.readFully(data);
            return data;
        }
    }

    /** Reads the file over and over while finish runs; keeps the first read that is neither object. */
    private static void watch(Path file, byte[] old, byte[] next, AtomicBoolean finishing, AtomicReference<byte[]> torn) {
        while (finishing.get() && torn.get() == null) {
            byte[] seen;
            try {
                seen = Files.readAllBytes(file);
            } catch (NoSuchFileException gone) {
                seen = new byte[0];
            } catch (IOException unreadable) {
                continue;
            }
            if (!Arrays.equals(seen, old) && !Arrays.equals(seen, next)) {
                torn.set(seen);
            }
        }
    }
}
