package dev.odirect.conformance.rules;

import dev.odirect.conformance.evidence.Category;
import dev.odirect.conformance.crash.CrashCampaign;
import dev.odirect.conformance.crash.CrashRecorder;
import dev.odirect.conformance.crash.CrashRecorders;
import dev.odirect.conformance.crash.Exploration;
import dev.odirect.conformance.crash.StateVerdict;
import dev.odirect.conformance.suite.RuleContext;
import dev.odirect.conformance.suite.RuleNotRun;
import java.util.List;
import java.util.function.Function;

/** How the durability rules judge the crash states of a recorded device. */
final class CrashStateRules {
    private CrashStateRules() {
    }

    /** The recorded device's campaign, or not run: only crash states can show it. */
    static CrashCampaign require(RuleContext ctx) {
        return CrashCampaign.of(ctx).orElseThrow(() -> new RuleNotRun(
                "needs crash states of a recorded device (odirect matrix --crash states, on ext4, xfs and btrfs cells)"));
    }

    /** The recorded device of this cell, or not run: device faults need the block recorder. */
    static CrashRecorder requireRecorder(RuleContext ctx) {
        return ctx.settings().crashRecorder().flatMap(CrashRecorders::find).orElseThrow(() -> new RuleNotRun(
                "needs a device that fails on demand: the fs-matrix's block recorder (odirect matrix, on ext4, xfs and btrfs cells)"));
    }

    /** Fails on the first state with findings of the rule's kind; not run when states could not be checked. */
    static void judge(RuleContext ctx, CrashCampaign campaign, Function<StateVerdict, List<String>> findings) {
        List<Exploration.Judged> failing = campaign.failing(findings);
        if (!failing.isEmpty()) {
            throw ctx.failure(Category.LOST_AFTER_CRASH, campaign.evidence(failing.get(0), findings));
        }
        List<Exploration.Judged> damaged = campaign.failingWhereDamaged(findings);
        if (!damaged.isEmpty()) {
            throw new RuleNotRun(damaged.size() + " crash states with findings were damaged by the filesystem itself "
                    + "(its checker complained), so they say nothing about the store; the first: " + damaged.get(0).state());
        }
        Exploration explored = campaign.exploration();
        if (explored.unmountable().size() > explored.explored()) {
            throw new RuleNotRun("most crash states could not be mounted (" + explored.unmountable().size() + " of "
                    + (explored.unmountable().size() + explored.explored()) + "), the first: " + explored.unmountable().get(0));
        }
        List<Exploration.Judged> unchecked = campaign.unchecked();
        if (campaign.exploration().explored() == 0 || !unchecked.isEmpty()) {
            throw new RuleNotRun(campaign.exploration().explored() == 0 ? "no crash state could be made"
                    : unchecked.size() + " crash states could not be read, the first: " + unchecked.get(0).state()
                    + ": " + unchecked.get(0).verdict().error());
        }
        ctx.note(campaign.exploration().describe());
    }
}
