package dev.odirect.conformance.rules;

import dev.odirect.conformance.evidence.Category;
import dev.odirect.conformance.crash.CrashCampaign;
import dev.odirect.conformance.crash.StateVerdict;
import dev.odirect.conformance.property.ChunkList;
import dev.odirect.conformance.suite.ConformanceRules;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.suite.ShellHook;
import dev.odirect.conformance.verify.CacheStat;
import dev.odirect.conformance.verify.SetChecker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import dev.odirect.spi.Capability;
import org.junit.jupiter.api.Test;

@ConformanceRules
class DurabilityRules {
    static final List<List<Integer>> OBJECTS = List.of(List.of(4096), List.of(4096, 1000), List.of(3000),
            List.of(8192, 7), List.of(0), List.of((1 << 20) + 13), List.of(512, 1000, 2048), List.of(65536));

    @Test
    void required_DURABLE_1_acknowledgedObjectsSurviveCrash(RuleContext ctx) {
        Optional<CrashCampaign> campaign = CrashCampaign.of(ctx);
        if (campaign.isPresent()) {
            boolean atomic = ctx.info().offers(Capability.ATOMIC_VISIBILITY);
            CrashStateRules.judge(ctx, campaign.get(), verdict -> atomic
                    ? concat(verdict.lost(), verdict.unexpected(), verdict.torn())
                    : concat(verdict.lost(), verdict.unexpected()));
            return;
        }
        Map<String, byte[]> acknowledged = crashWithAStreamOpen(ctx, ctx.requireCrashHook());
        judge(ctx, acknowledged, Set.of(PENDING), "a crash of the filesystem and its recovery", Category.LOST_AFTER_CRASH);
    }

    /** The key of the stream still open when {@link #crashWithAStreamOpen} crashes the filesystem. */
    static final String PENDING = "pending";

    /**
     * The crash hook's workload: every object of {@link #OBJECTS}, a stream of several MiB to
     * {@link #PENDING} left open, one more put (whose syncs take what the open stream wrote to
     * the disk with them), then the crash and the recovery. Returns the acknowledged objects.
     */
    static Map<String, byte[]> crashWithAStreamOpen(RuleContext ctx, RuleContext.CrashHook hook) {
        Map<String, byte[]> acknowledged = writeAll(ctx, key -> { });
        ctx.expectOk(ctx.store().open(PENDING, "unfinished"), "open " + PENDING);
        for (int chunk = 0; chunk < 3; chunk++) {
            ctx.expectOk(ctx.store().write("unfinished", ChunkList.Bytes.of(99 + chunk, (1 << 20) + 1000)),
                    "write to " + PENDING);
        }
        byte[] last = ChunkList.Bytes.of(98, 4096 + 1000);
        ctx.expectOk(ctx.store().put("after-pending", last), "put after-pending");
        acknowledged.put("after-pending", last);
        ctx.harness("crash the filesystem: " + hook.crash());
        ShellHook.run(hook.crash(), ctx.root(), "crash");
        try {
            ctx.closeSession();
        } catch (RuntimeException afterCrash) {
            // a store may fail to close on a filesystem that was just shut down; what counts is what recovery finds
        }
        ctx.harness("recover (remount) the filesystem: " + hook.recover());
        ShellHook.run(hook.recover(), ctx.root(), "recover");
        return acknowledged;
    }

    @Test
    void optional_DURABLE_3_writesInFlightAtACrashAreOldOrNew(RuleContext ctx) {
        if (ctx.info().offers(Capability.ATOMIC_VISIBILITY)) {
            throw ctx.notApplicable("the store declares atomic visibility: DURABLE-1 holds it to this");
        }
        CrashStateRules.judge(ctx, CrashStateRules.require(ctx), StateVerdict::torn);
    }

    @Test
    void optional_DURABLE_4_acknowledgedDeletesSurviveCrash(RuleContext ctx) {
        ctx.require(Capability.DELETE);
        CrashStateRules.judge(ctx, CrashStateRules.require(ctx), StateVerdict::resurrected);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    @Test
    void required_DURABLE_2_acknowledgedObjectsAreSyncedAndOutliveTheSession(RuleContext ctx) {
        ctx.requireUnsyncedPagesObservable();
        Map<String, byte[]> acknowledged = writeAll(ctx, key -> expectSynced(ctx, key));
        ctx.harness("close the store session");
        ctx.closeSession();
        ctx.harness("drop the files' cached pages and read them from the device");
        judge(ctx, acknowledged, Set.of(), "the end of the session and dropping the files' cached pages",
                Category.PERSISTENCE_LOSS);
    }

    /**
     * What fsync or fdatasync of the file guarantees. Looked at before the suite reads the file:
     * dropping its cached pages would start their writeback and hide a store that never syncs.
     */
    static void expectSynced(RuleContext ctx, String key) {
        CacheStat.of(ctx.disk().fileOf(key)).filter(pages -> pages.unsynced() > 0).ifPresent(pages -> {
            throw ctx.failure(Category.NOT_SYNCED, "object \"" + key + "\" right after it was acknowledged: cachestat counts "
                    + pages.dirty() + " dirty and " + pages.writeback() + " writeback pages; "
                    + "the store answered ok before fsync or fdatasync of the file");
        });
    }

    /** Puts and streams every object of {@link #OBJECTS}, handing each key on as soon as it is acknowledged. */
    static Map<String, byte[]> writeAll(RuleContext ctx, Consumer<String> acknowledgedNow) {
        Map<String, byte[]> acknowledged = new LinkedHashMap<>();
        for (int i = 0; i < OBJECTS.size(); i++) {
            ChunkList input = new ChunkList(OBJECTS.get(i), i);
            byte[] whole = input.bytes();
            ctx.expectOk(ctx.store().put("put/" + i, whole), "put put/" + i);
            acknowledged.put("put/" + i, whole);
            acknowledgedNow.accept("put/" + i);
            Writes.stream(ctx, "stream/" + i, "h" + i, input.chunks(whole));
            acknowledged.put("stream/" + i, whole);
            acknowledgedNow.accept("stream/" + i);
        }
        return acknowledged;
    }

    static void judge(RuleContext ctx, Map<String, byte[]> acknowledged, Set<String> attempted, String after,
                      Category lost) {
        SetChecker.Verdict verdict = SetChecker.check(ctx.disk(), acknowledged, attempted);
        if (!verdict.valid()) {
            throw ctx.failure(lost, "after " + after + ": " + verdict.describe());
        }
    }
}
