package dev.odirect.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What `odirect bench` runs: in which cells, short or long, and optionally only some benchmarks
 * ({@code only}, a JMH include pattern) with some parameters fixed ({@code params}, e.g. chunk=1048576).
 */
public record BenchOptions(List<String> cells, boolean longRun, Path out, Optional<Path> cellsFile,
                           Optional<String> only, Map<String, String> params) {
    static final List<String> SHORT_CELLS = List.of("xfs", "ext4");
    static final List<String> LONG_CELLS = List.of("xfs", "xfs-4k", "ext4", "btrfs", "tmpfs");

    public List<String> cellsToRun() {
        return !cells.isEmpty() ? cells : longRun ? LONG_CELLS : SHORT_CELLS;
    }

    /** MiB per streamed object: 64 short, 1024 long, unless fixed with sizeMiB=. */
    public int sizeMiB() {
        return Integer.parseInt(params.getOrDefault("sizeMiB", longRun ? "1024" : "64"));
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
