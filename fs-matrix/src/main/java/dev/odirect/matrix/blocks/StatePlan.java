package dev.odirect.matrix.blocks;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to build one crash state from the log: every write before {@code durableEnd} (the writes
 * the last real flush made durable), then {@code extra} writes of those after it, then one
 * write {@code torn} to the sectors in {@code tornSectors}. The crash happens at {@code point}.
 */
public record StatePlan(String kind, int point, int durableEnd, List<Integer> extra, int torn, BitSet tornSectors,
                        int dropped) {
    static final int NOT_TORN = -1;

    /** The plan as one token: {@code durableEnd/extra,extra/torn:sector,sector/point}, as the replay command takes it. */
    public String spec() {
        return durableEnd + "/" + extra.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "/" + (torn == NOT_TORN ? "" : torn + ":" + tornSectors.stream().mapToObj(String::valueOf)
                .collect(Collectors.joining(","))) + "/" + point;
    }

    public static StatePlan parse(String spec) {
        String[] parts = spec.split("/", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("a crash state is durableEnd/extra,.../torn:sectors/point, not " + spec);
        }
        List<Integer> extra = parts[1].isEmpty() ? List.of()
                : Arrays.stream(parts[1].split(",")).map(Integer::valueOf).toList();
        BitSet sectors = new BitSet();
        int torn = NOT_TORN;
        if (!parts[2].isEmpty()) {
            String[] tornParts = parts[2].split(":", -1);
            torn = Integer.parseInt(tornParts[0]);
            if (!tornParts[1].isEmpty()) {
                Arrays.stream(tornParts[1].split(",")).mapToInt(Integer::parseInt).forEach(sectors::set);
            }
        }
        return new StatePlan("replayed", Integer.parseInt(parts[3]), Integer.parseInt(parts[0]), extra, torn, sectors, 0);
    }

    /** What the state keeps and loses, for people. */
    public String describe() {
        String kept = "keeps every write before log position " + durableEnd;
        String extras = extra.isEmpty() ? "" : ", and the unflushed writes " + extra;
        String lost = dropped == 0 ? "" : "; drops " + dropped + " unflushed writes";
        String tear = torn == NOT_TORN ? "" : "; write #" + torn + " torn, keeping its sectors " + tornSectors;
        return kept + extras + lost + tear;
    }

    /** The device in this state: {@code base} (the device at the start of the workload) with the plan's writes. */
    SectorMap apply(SectorMap base, int from, List<BlockLog.Entry> entries) {
        SectorMap map = base.copy();
        for (int seq = from; seq < durableEnd; seq++) {
            applyIfData(map, entries.get(seq));
        }
        extra.forEach(seq -> applyIfData(map, entries.get(seq)));
        if (torn != NOT_TORN) {
            map.apply(entries.get(torn), tornSectors::get);
        }
        return map;
    }

    static void applyIfData(SectorMap map, BlockLog.Entry entry) {
        if (entry.kind() == BlockLog.Kind.WRITE || entry.kind() == BlockLog.Kind.DISCARD) {
            map.apply(entry);
        }
    }
}
