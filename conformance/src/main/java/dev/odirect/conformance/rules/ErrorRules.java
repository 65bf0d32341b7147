package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ConformanceRules
class ErrorRules {
    static final int MIB = 1 << 20;

    @Test
    void required_ERROR_1_fullFilesystemErrorsAreAnswers(RuleContext ctx) throws IOException {
        Path small = ctx.requireSmallFilesystem();
        long capacity = Files.getFileStore(small).getTotalSpace();
        ctx.freshRootIn(small);
        Map<String, byte[]> acknowledged = new LinkedHashMap<>();
        int errors = 0;
        long attempted = 0;
        for (int i = 0; errors < 3 && attempted < 2 * capacity + 8L * MIB; i++) {
            String key = "fill/" + i;
            ChunkList input = new ChunkList(i % 2 == 0 ? List.of(MIB + 1000) : List.of(700_000, 700_000, 17), i);
            byte[] whole = input.bytes();
            attempted += whole.length;
            if (write(ctx, key, input, whole, i % 2 == 0)) {
                acknowledged.put(key, whole);
            } else {
                errors++;
            }
        }
        if (errors == 0) {
            throw ctx.failure("writing " + attempted + " bytes to a filesystem of " + capacity + " bytes never answered an error");
        }
        acknowledged.forEach((key, bytes) -> ctx.expectOnDisk(key, bytes, "an ok while the filesystem filled up"));
    }

    /** True when acknowledged; a stream whose write fails is given up (finish must then not be ok). */
    private static boolean write(RuleContext ctx, String key, ChunkList input, byte[] whole, boolean put) {
        if (put) {
            return ctx.store().put(key, whole).ok();
        }
        String handle = "h" + key;
        if (!ctx.store().open(key, handle).ok()) {
            return false;
        }
        boolean written = true;
        for (byte[] chunk : input.chunks(whole)) {
            written &= ctx.store().write(handle, chunk).ok();
        }
        Outcome finish = ctx.store().finish(handle);
        if (finish.ok() && !written) {
            throw ctx.failure("finish of " + key + " answered ok after one of its writes failed");
        }
        return finish.ok();
    }
}
