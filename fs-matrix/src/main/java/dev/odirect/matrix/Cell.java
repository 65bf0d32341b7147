package dev.odirect.matrix;

import java.util.List;
import java.util.Optional;

/**
 * One filesystem of the matrix, as {@code cells.yaml} defines it.
 *
 * @param crashReason why the cell cannot be crashed, when {@code crash} is false
 * @param upper       for an overlay cell, the cell holding the upper layer
 * @param rules       only these rules run in the cell; empty: all
 */
public record Cell(String name, String fs, Kind kind, List<String> mkfs, String mount, int sector, long size,
                   boolean crash, String crashReason, Optional<Cell> upper, boolean full, List<String> rules) {

    public enum Kind { LOOP, TMPFS, OVERLAY }

    /** The same cell on a larger (sparse) image, for benchmarks that write more than the conformance rules. */
    public Cell withSize(long bytes) {
        return new Cell(name, fs, kind, mkfs, mount, sector, bytes, crash, crashReason, upper.map(u -> u.withSize(bytes)),
                full, rules);
    }

    /** The mkfs command line as recorded in the facts. */
    public String mkfsLine() {
        return kind == Kind.LOOP ? ("mkfs." + fs + " " + String.join(" ", mkfs)).trim() : "";
    }
}
