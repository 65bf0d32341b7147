package dev.odirect.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One filesystem of the matrix, as {@code cells.yaml} defines it.
 *
 * @param crashReason   why the cell cannot be crashed, when {@code crash} is false
 * @param upper         for an overlay cell, the cell holding the upper layer
 * @param holder        for a loop cell, the cell whose filesystem holds its image; a crash shuts that one down
 * @param rules         only these rules run in the cell; empty: all
 * @param notApplicable rules that cannot apply in this cell by its nature, with the reason
 * @param checksForAll  rules this cell checks for the whole run: not applicable in the run's other cells
 */
public record Cell(String name, String fs, Kind kind, List<String> mkfs, String mount, int sector, long size,
                   boolean crash, String crashReason, Optional<Cell> upper, Optional<Cell> holder, boolean full,
                   List<String> rules, Map<String, String> notApplicable, List<String> checksForAll) {

    public enum Kind { LOOP, TMPFS, OVERLAY }

    /** The same cell on a larger (sparse) image, for benchmarks that write more than the conformance rules. */
    public Cell withSize(long bytes) {
        return new Cell(name, fs, kind, mkfs, mount, sector, bytes, crash, crashReason, upper.map(u -> u.withSize(bytes)),
                holder.map(h -> h.withSize(bytes + h.size())), full, rules, notApplicable, checksForAll);
    }

    /** How many loop devices making this cell takes (a container is given exactly those). */
    public int loopDevices() {
        return (kind == Kind.LOOP ? 1 : 0) + upper.map(Cell::loopDevices).orElse(0)
                + holder.map(Cell::loopDevices).orElse(0);
    }

    /** The rules that cannot apply here when this cell runs among {@code run}: by its nature, or checked elsewhere. */
    public Map<String, String> notApplicableAmong(List<Cell> run) {
        Map<String, String> reasons = new LinkedHashMap<>(notApplicable);
        for (Cell other : run) {
            if (!other.name().equals(name)) {
                other.checksForAll().forEach(rule -> reasons.putIfAbsent(rule, "checked in cell " + other.name()));
            }
        }
        return reasons;
    }

    /** The command that makes this cell's filesystem on {@code device}. */
    public List<String> mkfsCommand(String device) {
        List<String> command = new ArrayList<>(List.of("mkfs." + fs));
        command.addAll(mkfs);
        command.add(device);
        return command;
    }

    /** The mkfs command line as recorded in the facts. */
    public String mkfsLine() {
        return kind == Kind.LOOP ? ("mkfs." + fs + " " + String.join(" ", mkfs)).trim() : "";
    }
}
