package dev.odirect.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What `odirect bench` runs: in which cells, short or long, and optionally only some benchmarks
 * ({@code only}, a JMH include pattern) with some parameters fixed ({@code params}, e.g. chunk=1048576),
 * and how many alternating rounds of store and fio ({@code rounds}, at least {@link #MIN_ROUNDS}).
 */
public record BenchOptions(List<String> cells, boolean longRun, Path out, Optional<Path> cellsFile,
                           Optional<String> only, Map<String, String> params, OptionalInt rounds) {
    static final List<String> SHORT_CELLS = List.of("xfs", "ext4");
    static final List<String> LONG_CELLS = List.of("xfs", "xfs-4k", "ext4", "btrfs", "tmpfs");
    /** Fewer rounds have no median worth the name: with two, one bad round decides. */
    public static final int MIN_ROUNDS = 3;
    public static final int SHORT_ROUNDS = 3;
    public static final int LONG_ROUNDS = 5;

    public BenchOptions {
        if (rounds.isPresent() && rounds.getAsInt() < MIN_ROUNDS) {
            throw new IllegalArgumentException("at least " + MIN_ROUNDS + " rounds, not " + rounds.getAsInt());
        }
    }

    public List<String> cellsToRun() {
        return !cells.isEmpty() ? cells : longRun ? LONG_CELLS : SHORT_CELLS;
    }

    /** MiB per streamed object: 64 short, 1024 long, unless fixed with sizeMiB=. */
    public int sizeMiB() {
        return Integer.parseInt(params.getOrDefault("sizeMiB", longRun ? "1024" : "64"));
    }

    public int roundsToRun() {
        return rounds.orElse(longRun ? LONG_ROUNDS : SHORT_ROUNDS);
    }

    /** Whether {@code --param} leaves this value of a benchmark parameter in: not fixed, or fixed to a list holding it. */
    boolean allows(String param, String value) {
        return !params.containsKey(param) || Arrays.stream(params.get(param).split(",")).anyMatch(value::equalsIgnoreCase);
    }

    /** Whether {@code --only} leaves this benchmark (class.method) in, matched as JMH matches its includes. */
    boolean runs(String benchmark) {
        return only.isEmpty() || Pattern.compile(only.get()).matcher(benchmark).find();
    }
}
