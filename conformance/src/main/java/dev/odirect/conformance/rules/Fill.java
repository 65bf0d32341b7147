package dev.odirect.conformance.rules;

import static dev.odirect.conformance.rules.Requirements.requireSmallFilesystem;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes objects (puts and streams, alternately) until the store has answered a few errors. */
final class Fill {
    static final int MIB = 1 << 20;
    /** Errors to see before the filesystem counts as full. */
    static final int ERRORS = 3;

    private Fill() {
    }

    /** What filling showed: the acknowledged objects, the errors, and streams finished ok after a failed write. */
    record Result(Map<String, byte[]> acknowledged, int errors, long attempted, List<String> finishedAfterFailedWrite) {
    }

    /** Moves the rule to a fresh root on the small filesystem it requires; answers that filesystem's size. */
    static long onSmallFilesystem(RuleContext ctx) throws IOException {
        Path small = requireSmallFilesystem(ctx);
        long capacity = Files.getFileStore(small).getTotalSpace();
        ctx.freshRootIn(small);
        return capacity;
    }

    static Result until(RuleContext ctx, String prefix, long capacity) {
        Map<String, byte[]> acknowledged = new LinkedHashMap<>();
        List<String> finishedAfterFailedWrite = new ArrayList<>();
        int errors = 0;
        long attempted = 0;
        for (int i = 0; errors < ERRORS && attempted < 2 * capacity + 8L * MIB; i++) {
            String key = prefix + i;
            boolean put = i % 2 == 0;
            ChunkList input = new ChunkList(put ? List.of(MIB + 1000) : List.of(700_000, 700_000, 17), i);
            byte[] whole = input.bytes();
            attempted += whole.length;
            Outcome answer = put ? ctx.store().put(key, whole) : stream(ctx, key, input, whole, finishedAfterFailedWrite);
            if (answer.ok()) {
                acknowledged.put(key, whole);
            } else {
                errors++;
            }
        }
        return new Result(acknowledged, errors, attempted, finishedAfterFailedWrite);
    }

    /** A stream whose write fails is finished anyway: finish must then not answer ok. */
    private static Outcome stream(RuleContext ctx, String key, ChunkList input, byte[] whole, List<String> suspicious) {
        String handle = "h" + key;
        Outcome opened = ctx.store().open(key, handle);
        if (!opened.ok()) {
            return opened;
        }
        boolean written = true;
        for (byte[] chunk : input.chunks(whole)) {
            written &= ctx.store().write(handle, chunk).ok();
        }
        Outcome finish = ctx.store().finish(handle);
        if (finish.ok() && !written) {
            suspicious.add(key);
        }
        return finish;
    }
}
