package dev.odirect.conformance.rules;

import static dev.odirect.conformance.rules.Requirements.requireCrashHook;

import dev.odirect.conformance.crash.CrashCampaign;
import dev.odirect.conformance.crash.StateVerdict;
import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.spi.Capability;
import dev.odirect.spi.StoreSession;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

@ConformanceRules
class CleanRules {

    @Test
    void optional_CLEAN_1_abortsAndRefusalsLeaveNoStrayFiles(RuleContext ctx) {
        StoreSession store = ctx.store();
        Set<String> objects = new TreeSet<>();
        Writes.putAndVerify(ctx, "obj", ChunkList.Bytes.of(1, 5000));
        objects.add("obj");
        byte[] data = ChunkList.Bytes.of(2, 4096 + 1000);
        if (ctx.info().offers(Capability.ABORT)) {
            ctx.expectOk(store.open("aborted/new", "a1"), "open aborted/new");
            ctx.expectOk(store.write("a1", data), "write " + data.length + " bytes");
            ctx.expectOk(store.abort("a1"), "abort a1");
        }
        // a file stands where a directory would have to be made: a correct store answers an error
        if (store.put("obj/child", data).ok()) {
            objects.remove("obj");
            objects.add("obj/child");
        }
        if (store.open("obj/streamed", "s1").ok()) {
            store.write("s1", data);
            if (store.finish("s1").ok()) {
                objects.remove("obj");
                objects.add("obj/streamed");
            }
        }
        ctx.closeSession();
        List<String> files = ctx.disk().everything().stream()
                .filter(path -> !Files.isDirectory(ctx.root().resolve(path), LinkOption.NOFOLLOW_LINKS)).toList();
        if (!new TreeSet<>(files).equals(objects)) {
            throw ctx.failure("after an abort and refused writes, the root holds the files " + files
                    + "; only the objects " + objects + " should be there");
        }
    }

    @Test
    void optional_CLEAN_3_crashesLeaveNoStrayFilesOnceReopened(RuleContext ctx) {
        Optional<CrashCampaign> campaign = CrashCampaign.of(ctx);
        if (campaign.isPresent()) {
            CrashStateRules.judge(ctx, campaign.get(), StateVerdict::leftAfterReopen);
            return;
        }
        Set<String> keys = new TreeSet<>(DurabilityRules.crashWithAStreamOpen(ctx, requireCrashHook(ctx)).keySet());
        keys.add(DurabilityRules.PENDING);
        ctx.store();
        ctx.closeSession();
        List<String> left = ctx.disk().filesBeside(keys);
        if (!left.isEmpty()) {
            throw ctx.failure("after a crash of the filesystem with a stream of several MiB open, its recovery, and a "
                    + "session of the store opened and closed on the root, files no key wrote are left beside the "
                    + "objects: " + left);
        }
    }
}
