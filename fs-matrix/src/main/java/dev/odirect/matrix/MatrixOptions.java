package dev.odirect.matrix;

import dev.odirect.conformance.suite.ReplayCommand;
import dev.odirect.conformance.suite.SuiteSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What `odirect matrix` runs: the check (store, seed, profile...) in each selected cell.
 *
 * @param cells    cell names asked for; empty: every cell this machine can run
 * @param shard    run the {@code index}-th of {@code count} slices of the cells (1-based)
 * @param runCells the cells of the whole run, when this process runs only some of them (a container
 *                 runs one): a rule one cell checks for all is not applicable in the others if that
 *                 cell is among them; empty: the cells asked for, all shards together
 */
public record MatrixOptions(SuiteSettings check, List<String> cells, Mode mode, Shard shard, Path out,
                            Optional<Path> cellsFile, List<String> runCells, CrashMode crash) {
    /** The option that chooses how durability is checked. */
    public static final String CRASH_OPTION = ReplayCommand.CRASH_OPTION;

    /** With crash states (the default), unless told otherwise. */
    public MatrixOptions(SuiteSettings check, List<String> cells, Mode mode, Shard shard, Path out,
                         Optional<Path> cellsFile, List<String> runCells) {
        this(check, cells, mode, shard, out, cellsFile, runCells, CrashMode.STATES);
    }

    /**
     * How the durability rules crash a cell: {@code states} records every write and flush of its
     * device and checks crash states built from them; {@code shutdown} shuts the filesystem down
     * once (FS_IOC_SHUTDOWN) and remounts it, which is faster and loses nothing the device had.
     */
    public enum CrashMode {
        STATES, SHUTDOWN;

        public static CrashMode parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("unknown crash mode '" + text + "': use states or shutdown");
            }
        }
    }

    /** The option that chooses cells, as the closing line suggests it. */
    public static final String CELLS_OPTION = ReplayCommand.CELLS_OPTION;
    /** The hidden option that hands {@link #runCells()} to the matrix in a container. */
    public static final String RUN_CELLS_OPTION = "--run-cells";

    public enum Mode {
        AUTO, HOST, CONTAINERS;

        /** As --mode takes it. */
        public String flag() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("unknown mode '" + text + "': use auto, host or containers");
            }
        }
    }

    public record Shard(int index, int count) {
        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, was " + index + "/" + count);
            }
        }

        public static Shard parse(String text) {
            String[] parts = text.split("/");
            try {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException("shard must look like 1/3, was '" + text + "'");
            }
        }

        public boolean takes(int position) {
            return position % count == index - 1;
        }
    }
}
