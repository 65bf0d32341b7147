package dev.odirect.conformance.rules;

import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import org.junit.jupiter.api.Test;

@ConformanceRules
class LayoutRules {

    @Test
    void required_LAYOUT_1_objectIsTheFileRootSlashKey(RuleContext ctx) {
        Writes.putAndVerify(ctx, "a/b/c.dat", ChunkList.Bytes.of(1, 5096));
        Writes.streamAndVerify(ctx, "a/b/d/e.dat", new ChunkList(List.of(4096, 1000), 2));
        Writes.putAndVerify(ctx, "top", ChunkList.Bytes.of(3, 10));
        for (String key : List.of("a/b/c.dat", "a/b/d/e.dat", "top")) {
            if (!Files.isRegularFile(ctx.disk().fileOf(key), LinkOption.NOFOLLOW_LINKS)) {
                throw ctx.failure(ctx.disk().fileOf(key) + " is not a regular file");
            }
        }
    }
}
