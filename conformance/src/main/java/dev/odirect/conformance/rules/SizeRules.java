package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.property.Sizes;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.RuleContext;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@ConformanceRules
class SizeRules {

    /** Every multiple of 512 up to 8192 and its neighbours, the edges; thorough adds every size in 500..8200. */
    static TreeSet<Integer> sizes(Profile profile) {
        TreeSet<Integer> sizes = new TreeSet<>(Sizes.EDGES);
        IntStream.rangeClosed(1, 16).forEach(k -> List.of(-1, 0, 1).forEach(d -> sizes.add(512 * k + d)));
        if (profile == Profile.THOROUGH) {
            IntStream.rangeClosed(500, 8200).forEach(sizes::add);
        }
        return sizes;
    }

    @Test
    void required_SIZE_1_sizesAroundAlignmentAreExact(RuleContext ctx) {
        for (int size : sizes(ctx.profile())) {
            byte[] data = ChunkList.Bytes.of(size, size);
            Writes.putAndVerify(ctx, "put/" + size, data);
            Writes.streamAndVerify(ctx, "one/" + size, new ChunkList(List.of(size), size));
            Writes.streamAndVerify(ctx, "two/" + size, new ChunkList(List.of(size / 2, size - size / 2), size));
            Writes.streamAndVerify(ctx, "three/" + size,
                    new ChunkList(List.of(size / 3, size / 3, size - 2 * (size / 3)), size));
            List.of("put/", "one/", "two/", "three/").forEach(prefix -> ctx.disk().remove(prefix + size));
        }
    }

    @Test
    void required_SIZE_2_multiMegabyteObjectsAreExact(RuleContext ctx) {
        int mib = 1 << 20;
        List<List<Integer>> streams = List.of(
                List.of(mib, mib, mib, 4095),
                List.of(mib + 1, mib - 1, 2 * mib + 513),
                List.of(3 * mib + 7),
                List.of(4096, 300001, mib, 777, 2 * mib, 1),
                List.of(mib, 0, mib, 0, mib, 512));
        int count = ctx.profile() == Profile.THOROUGH ? streams.size() : 3;
        for (int i = 0; i < count; i++) {
            Writes.streamAndVerify(ctx, "large/" + i, new ChunkList(streams.get(i), i));
            ctx.disk().remove("large/" + i);
        }
        Writes.putAndVerify(ctx, "large/put", ChunkList.Bytes.of(9, 5 * mib + 1000));
    }

    @Test
    void required_SIZE_3_objectsEndingAtBufferEndsAreExact(RuleContext ctx) {
        Sizes sizes = ctx.sizes();
        Sizes.bufferSizes().forEach(buffer -> sizes.around(buffer).forEach(size -> {
            Writes.putAndVerify(ctx, "buffer/put-" + size, ChunkList.Bytes.of(size, size));
            Writes.streamAndVerify(ctx, "buffer/stream-" + size, ChunkList.inChunksOf(size, buffer, size));
            List.of("buffer/put-", "buffer/stream-").forEach(prefix -> ctx.disk().remove(prefix + size));
        }));
    }
}
