package dev.odirect.matrix.blocks;

import dev.odirect.conformance.crash.CrashPoints;
import java.util.List;

/** The crash states of a recorded device that the history calls for, each servable as a device of its own. */
public final class CrashStates {
    private final BlockLog log;
    private final List<BlockLog.Entry> entries;
    private final int from;
    private final SectorMap base;
    private final List<StatePlan> plans;

    /** {@code deviceSector}: the logical sector size of the loop device, the unit a write can be torn in. */
    public CrashStates(BlockLog log, long size, CrashPoints points, int deviceSector) {
        this.log = log;
        this.entries = log.entries();
        this.from = points.from();
        this.plans = CrashStatePlanner.plan(entries, points, deviceSector);
        this.base = new SectorMap(size);
        for (int seq = 0; seq < from; seq++) {
            StatePlan.applyIfData(base, entries.get(seq));
        }
    }

    public List<StatePlan> plans() {
        return plans;
    }

    /** One state of a kept log, as a crash-state replay names it. */
    public static BlockDevice replay(BlockLog log, long size, StatePlan plan) {
        return new StateDisk(log, plan.apply(new SectorMap(size), 0, log.entries()));
    }

    /** The device in the planned state; what mounting it writes stays with it. */
    public BlockDevice device(StatePlan plan) {
        return new StateDisk(log, plan.apply(base, from, entries));
    }
}
