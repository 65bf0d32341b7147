package dev.odirect.conformance.rules;

import dev.odirect.conformance.crash.CrashCampaign;
import dev.odirect.conformance.crash.CrashRecorder;
import dev.odirect.conformance.crash.CrashRecorders;
import dev.odirect.conformance.setup.ToolPackages;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.suite.RuleNotApplicable;
import dev.odirect.conformance.suite.RuleNotRun;
import dev.odirect.conformance.suite.SuiteSettings;
import dev.odirect.conformance.verify.CacheStat;
import dev.odirect.conformance.verify.PageCache;
import dev.odirect.spi.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a rule needs, declared first thing in the rule as xfstests' {@code _require_*}: each
 * {@code requireX(ctx)} returns what the rule needs or ends it. A store that does not offer what the
 * rule is about makes it not applicable ({@link RuleNotApplicable}); a place that lacks what the
 * check needs makes it not run with the reason ({@link RuleNotRun}), and the gate says "not proven".
 */
final class Requirements {
    /** Filesystems larger than this are not filled by the rules that need a full one. */
    static final long SMALL_FILESYSTEM = 2L << 30;

    private Requirements() {
    }

    /** The store offers the capability the rule is about, or the rule does not apply to it. */
    static void requireCapability(RuleContext ctx, Capability capability) {
        ctx.store();
        if (!ctx.info().offers(capability)) {
            throw new RuleNotApplicable("store " + ctx.info().name() + " does not offer "
                    + capability.name().toLowerCase().replace('_', ' '));
        }
    }

    /** The rule applies only where this holds (a store that writes in place, say), for the reason given. */
    static void requireApplicable(boolean holds, String reason) {
        if (!holds) {
            throw new RuleNotApplicable(reason);
        }
    }

    /** The check can only say something when this holds, for the reason given. */
    static void requireThat(boolean holds, String reason) {
        if (!holds) {
            throw new RuleNotRun(reason);
        }
    }

    /** The crash and recover commands (DURABLE-1). */
    static CrashHook requireCrashHook(RuleContext ctx) {
        Optional<String> crash = ctx.settings().crashCmd();
        Optional<String> recover = ctx.settings().recoverCmd();
        if (crash.isEmpty() || recover.isEmpty()) {
            throw new RuleNotRun(ctx.settings().noCrashReason()
                    .map(reason -> "this filesystem cannot be crashed here: " + reason)
                    .orElse("no crash hook (" + SuiteSettings.CRASH_CMD + " and " + SuiteSettings.RECOVER_CMD
                            + ") and no recorded device (odirect matrix records the devices of its ext4, xfs and "
                            + "btrfs cells and checks their crash states)"));
        }
        return new CrashHook(crash.get(), recover.get());
    }

    /** The crash hook's two commands. */
    record CrashHook(String crash, String recover) {
    }

    /** A directory on a filesystem small enough to fill (ERROR-1). */
    static Path requireSmallFilesystem(RuleContext ctx) {
        Path small = ctx.settings().fullDir().orElseThrow(() -> new RuleNotRun("needs a directory on a small "
                + "filesystem (" + SuiteSettings.FULL_DIR + ", or the fs-matrix ext4-full cell)"));
        long capacity;
        try {
            capacity = Files.getFileStore(small).getTotalSpace();
        } catch (IOException e) {
            throw new RuleNotRun("cannot read the size of the filesystem of " + small + ": " + e.getMessage());
        }
        requireThat(capacity < SMALL_FILESYSTEM, small + " is not small (" + capacity
                + " bytes); filling it would take too long");
        return small;
    }

    /** fincore and a filesystem where O_DIRECT was seen to leave no cached pages (DIRECT rules). */
    static void requirePageCacheObservable(RuleContext ctx) {
        requireThat(PageCache.observable(), ToolPackages.notInstalled(PageCache.NEED.tool()));
        requireThat(Boolean.TRUE.equals(ctx.facts().bypassesCache()),
                "O_DIRECT does not bypass the page cache here (" + ctx.facts().describe() + ")");
    }

    /** cachestat(2) and a filesystem with a device, where it shows a file's unsynced pages (DURABLE-2). */
    static void requireUnsyncedPagesObservable(RuleContext ctx) {
        requireApplicable(!ctx.facts().memoryOnly(), ctx.facts().type() + " keeps files in memory only: there is "
                + "no device for fsync to write back to");
        CacheStat.unobservableIn(ctx.root()).ifPresent(reason -> {
            throw new RuleNotRun(reason);
        });
    }

    /** The crash states of the recorded device, explored once for the rules that share them. */
    static CrashCampaign requireCrashStates(RuleContext ctx) {
        return CrashCampaign.of(ctx).orElseThrow(() -> new RuleNotRun(
                "needs crash states of a recorded device (odirect matrix --crash states, on ext4, xfs and btrfs cells)"));
    }

    /** The recorded device of this cell: device faults need the block recorder. */
    static CrashRecorder requireRecordedDevice(RuleContext ctx) {
        return ctx.settings().crashRecorder().flatMap(CrashRecorders::find).orElseThrow(() -> new RuleNotRun(
                "needs a device that fails on demand: the fs-matrix's block recorder (odirect matrix, on ext4, xfs "
                        + "and btrfs cells)"));
    }
}
