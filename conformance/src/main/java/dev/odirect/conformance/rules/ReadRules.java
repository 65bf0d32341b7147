package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.verify.Evidence;
import dev.odirect.spi.Capability;
import dev.odirect.spi.Outcome;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

@ConformanceRules
class ReadRules {
    static final int SIZE = 3 * 4096 + 1000;
    static final int MIB = 1 << 20;
    /** Larger than the read buffers stores use, with an unaligned end. */
    static final int LARGE = 5 * MIB + 1234;
    /** Offsets around a boundary, relative to it. */
    static final int[] NEAR = {-4097, -4096, -513, -512, -1, 0, 1, 511, 512, 4095, 4096};
    static final long[][] LARGE_WINDOWS = {{MIB - 1, 2}, {MIB - 100, 4096}, {2 * MIB - 4095, MIB}, {3, 3 * MIB},
        {MIB + 1, MIB - 2}, {LARGE - 5000, 5000}, {4 * MIB + 511, MIB + 723}};
    static final long[][] RANGES = {{0, 0}, {0, 1}, {1, 511}, {511, 2}, {4095, 4098}, {4096, 4096}, {12000, 5000},
        {SIZE - 1, 1}, {SIZE, 10}, {SIZE + 5000, 10}, {100, SIZE}};

    @Test
    void required_GET_1_getReturnsTheObject(RuleContext ctx) {
        byte[] put = ChunkList.Bytes.of(1, SIZE);
        Writes.putAndVerify(ctx, "r/put", put);
        expectData(ctx, ctx.store().get("r/put", OptionalLong.empty(), OptionalLong.empty()), put, "get r/put");
        ChunkList streamed = new ChunkList(List.of(4096, 1000, 0, 3), 2);
        Writes.streamAndVerify(ctx, "r/stream", streamed);
        expectData(ctx, ctx.store().get("r/stream", OptionalLong.empty(), OptionalLong.empty()), streamed.bytes(),
                "get r/stream");
        Writes.putAndVerify(ctx, "r/empty", new byte[0]);
        expectData(ctx, ctx.store().get("r/empty", OptionalLong.empty(), OptionalLong.empty()), new byte[0], "get r/empty");
        ctx.expectError(ctx.store().get("r/missing", OptionalLong.empty(), OptionalLong.empty()), "get of a missing key");
    }

    @Test
    void optional_GET_2_rangedGetReturnsTheWindow(RuleContext ctx) {
        ctx.require(Capability.RANGED_GET);
        byte[] data = ChunkList.Bytes.of(3, SIZE);
        Writes.putAndVerify(ctx, "range", data);
        for (long[] range : RANGES) {
            int from = (int) Math.min(range[0], SIZE);
            int to = (int) Math.min(SIZE, range[0] + range[1]);
            Outcome window = ctx.store().get("range", OptionalLong.of(range[0]), OptionalLong.of(range[1]));
            expectData(ctx, window, Arrays.copyOfRange(data, from, to), "get range offset " + range[0] + " length " + range[1]);
        }
    }

    @Test
    void required_GET_3_rangedGetsOfLargeObjectsMatch(RuleContext ctx) {
        ctx.require(Capability.RANGED_GET);
        byte[] data = ChunkList.Bytes.of(5, LARGE);
        Writes.putAndVerify(ctx, "large", data);
        Random random = new Random(ctx.seed());
        List<long[]> windows = new ArrayList<>(List.of(LARGE_WINDOWS));
        for (int i = 0; i < ctx.profile().tries(); i++) {
            windows.add(randomWindow(random));
        }
        for (long[] window : windows) {
            int from = (int) window[0];
            int to = (int) Math.min(LARGE, window[0] + window[1]);
            Outcome got = ctx.store().get("large", OptionalLong.of(window[0]), OptionalLong.of(window[1]));
            expectData(ctx, got, Arrays.copyOfRange(data, from, to), "get large (" + LARGE + " bytes) offset "
                    + window[0] + " length " + window[1]);
        }
    }

    /** A window that starts near a buffer or alignment boundary as often as anywhere, inside the object. */
    static long[] randomWindow(Random random) {
        long offset = random.nextBoolean() ? random.nextInt(LARGE)
                : (long) (1 + random.nextInt(LARGE / MIB)) * MIB + NEAR[random.nextInt(NEAR.length)];
        offset = Math.max(0, Math.min(LARGE - 1, offset));
        long length = 1 + random.nextInt((int) Math.min(2L * MIB, LARGE - offset));
        return new long[] {offset, length};
    }

    @Test
    void optional_DELETE_1_deleteRemovesTheObject(RuleContext ctx) {
        ctx.require(Capability.DELETE);
        ctx.setup(() -> Writes.putAndVerify(ctx, "d/k", ChunkList.Bytes.of(4, 5000)));
        ctx.expectOk(ctx.store().delete("d/k"), "delete d/k");
        if (Files.exists(ctx.disk().fileOf("d/k"))) {
            throw ctx.failure("delete answered ok but the file for d/k is still there");
        }
        ctx.expectError(ctx.store().get("d/k", OptionalLong.empty(), OptionalLong.empty()), "get after delete");
        ctx.expectError(ctx.store().delete("d/never"), "delete of a missing key");
    }

    static void expectData(RuleContext ctx, Outcome outcome, byte[] expected, String what) {
        ctx.expectOk(outcome, what);
        Evidence.difference(expected, outcome.data()).ifPresent(difference -> {
            throw ctx.failure(what + " returned other bytes than the object's: " + difference);
        });
    }
}
