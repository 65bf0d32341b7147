package dev.odirect.matrix.blocks;

import dev.odirect.conformance.crash.CrashPoints;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the crash states, as CrashMonkey does: a crash loses what the device had not flushed.
 * Right after every acknowledgement with every unflushed write lost; at every flush inside an
 * operation's window; just before it with a seeded half of the unflushed writes; with a write torn
 * at the device's sector granularity; and seeded random states between the first and the last mark. States
 * that would be the same device at the same point of the history are made once.
 */
public final class CrashStatePlanner {
    private final List<BlockLog.Entry> entries;
    private final CrashPoints points;
    private final Random random;
    private final Map<String, StatePlan> plans = new LinkedHashMap<>();
    /** 512-byte sectors per sector of the device: a device never tears inside one of its sectors. */
    private final int perDeviceSector;

    private CrashStatePlanner(List<BlockLog.Entry> entries, CrashPoints points, int deviceSector) {
        this.entries = entries;
        this.points = points;
        this.random = new Random(points.seed());
        this.perDeviceSector = Math.max(1, deviceSector / SectorMap.SECTOR);
    }

    public static List<StatePlan> plan(List<BlockLog.Entry> entries, CrashPoints points, int deviceSector) {
        return new CrashStatePlanner(entries, points, deviceSector).all();
    }

    private List<StatePlan> all() {
        for (int ack : points.acknowledgements()) {
            add("after an acknowledgement", ack + 1, List.of(), StatePlan.NOT_TORN, new BitSet());
        }
        for (CrashPoints.Window window : points.inFlight()) {
            for (int flush : flushesIn(window.from(), window.to())) {
                add("at a flush", flush + 1, pending(flush + 1), StatePlan.NOT_TORN, new BitSet());
                add("before a flush, some unflushed writes kept", flush, half(pending(flush)), StatePlan.NOT_TORN,
                        new BitSet());
            }
            tear(window.from(), window.to());
        }
        for (int i = 0; i < points.randomStates(); i++) {
            int point = points.from() + 1 + random.nextInt(Math.max(1, points.to() - points.from()));
            if (random.nextBoolean() || !tear(point - 1, point)) {
                add("random", point, half(pending(point)), StatePlan.NOT_TORN, new BitSet());
            }
        }
        return List.copyOf(plans.values());
    }

    /** A state just before a flush in the range, with one of the writes it would have made durable torn. */
    private boolean tear(int from, int to) {
        List<Integer> flushes = flushesIn(from, to);
        int end = flushes.isEmpty() ? to : flushes.get(random.nextInt(flushes.size()));
        List<Integer> candidates = pending(end).stream().filter(seq -> sectorsOf(seq) > 1).toList();
        if (candidates.isEmpty()) {
            return false;
        }
        int torn = candidates.get(random.nextInt(candidates.size()));
        BitSet kept = new BitSet();
        int sectors = sectorsOf(torn);
        while (kept.isEmpty() || kept.cardinality() == sectors * perDeviceSector) {
            kept.clear();
            for (int s = 0; s < sectors; s++) {
                if (random.nextBoolean()) {
                    kept.set(s * perDeviceSector, (s + 1) * perDeviceSector);
                }
            }
        }
        List<Integer> others = half(pending(end).stream().filter(seq -> seq != torn).toList());
        add("a write torn", end, others, torn, kept);
        return true;
    }

    private void add(String kind, int point, List<Integer> extra, int torn, BitSet sectors) {
        int durableEnd = lastFlushBefore(point) + 1;
        List<Integer> pending = pending(point);
        int dropped = pending.size() - extra.size() - (torn == StatePlan.NOT_TORN ? 0 : 1);
        String key = lastDataBefore(durableEnd) + "|" + extra + "|" + torn + ":" + sectors + "|" + lastMarkBefore(point);
        plans.putIfAbsent(key, new StatePlan(kind, point, durableEnd, extra, torn, sectors, dropped));
    }

    /** The writes and discards after the last real flush before {@code point}. */
    private List<Integer> pending(int point) {
        List<Integer> pending = new ArrayList<>();
        for (int seq = lastFlushBefore(point) + 1; seq < point; seq++) {
            BlockLog.Kind kind = entries.get(seq).kind();
            if (kind == BlockLog.Kind.WRITE || kind == BlockLog.Kind.DISCARD) {
                pending.add(seq);
            }
        }
        return pending;
    }

    private List<Integer> half(List<Integer> writes) {
        return writes.stream().filter(seq -> random.nextBoolean()).toList();
    }

    private List<Integer> flushesIn(int from, int to) {
        List<Integer> flushes = new ArrayList<>();
        for (int seq = from + 1; seq < to; seq++) {
            if (entries.get(seq).isDurabilityPoint()) {
                flushes.add(seq);
            }
        }
        return flushes;
    }

    /** The last real flush before {@code point}; the workload's first mark when there is none since. */
    private int lastFlushBefore(int point) {
        for (int seq = point - 1; seq > points.from(); seq--) {
            if (entries.get(seq).isDurabilityPoint()) {
                return seq;
            }
        }
        return points.from();
    }

    private int lastDataBefore(int end) {
        for (int seq = end - 1; seq > points.from(); seq--) {
            if (entries.get(seq).kind() != BlockLog.Kind.MARK && entries.get(seq).kind() != BlockLog.Kind.FLUSH) {
                return seq;
            }
        }
        return points.from();
    }

    private int lastMarkBefore(int point) {
        for (int seq = point - 1; seq > points.from(); seq--) {
            if (entries.get(seq).kind() == BlockLog.Kind.MARK) {
                return seq;
            }
        }
        return points.from();
    }

    /** How many sectors of the device the write covers. */
    private int sectorsOf(int seq) {
        return entries.get(seq).length() / (SectorMap.SECTOR * perDeviceSector);
    }
}
