package dev.odirect.compare;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed from one result folder to another (`odirect compare OLD NEW`): the rules of the cells they
 * have in common, or the figures of two bench runs. Read from their JSON files only.
 *
 * @param oldRun   what the old folder is: "check of direct:/// (seed 3, profile quick): not-proven"
 * @param compared the cells compared (a check's one cell is named after its filesystem type)
 * @param notes    what was not compared, and why
 */
public record Comparison(String old, String now, String oldRun, String newRun, List<String> compared, List<String> notes,
                         List<Change> regressions, List<Change> fixes, List<Change> notRunChanges,
                         List<Change> otherChanges, String benchRule, List<BenchMove> benchMoves) {
    public static final int EXIT_NOTHING_REGRESSED = 0;
    public static final int EXIT_REGRESSED = 1;
    private static final String MUST = "MUST";

    public static Comparison of(Path old, Path now, double thresholdPercent) {
        FolderKind oldKind = FolderKind.of(old);
        FolderKind newKind = FolderKind.of(now);
        if ((oldKind == FolderKind.BENCH) != (newKind == FolderKind.BENCH)) {
            throw new ResultFolderException("cannot compare " + old + " (" + oldKind.command() + ") with " + now + " ("
                    + newKind.command() + "): compare bench folders with bench folders, check and matrix folders with each other");
        }
        return oldKind == FolderKind.BENCH ? bench(old, now, thresholdPercent)
                : rules(RunResults.read(old, oldKind), RunResults.read(now, newKind));
    }

    @JsonProperty("regressed")
    public boolean regressed() {
        return !regressions.isEmpty() || benchMoves.stream().anyMatch(BenchMove::regression);
    }

    public int exitStatus() {
        return regressed() ? EXIT_REGRESSED : EXIT_NOTHING_REGRESSED;
    }

    public boolean nothingChanged() {
        return regressions.isEmpty() && fixes.isEmpty() && notRunChanges.isEmpty() && otherChanges.isEmpty() && benchMoves.isEmpty();
    }

    private static Comparison rules(RunResults old, RunResults now) {
        List<String> notes = new ArrayList<>();
        Map<CellRun, CellRun> pairs = new LinkedHashMap<>();
        if (old.kind() == FolderKind.CHECK && now.kind() == FolderKind.CHECK) {
            CellRun before = old.cells().values().iterator().next();
            CellRun after = now.cells().values().iterator().next();
            if (!before.name().equals(after.name())) {
                notes.add("the checks ran on different filesystems, compared as one cell: " + before.name() + " (old), "
                        + after.name() + " (new)");
            }
            pairs.put(after, before);
        } else {
            now.cells().forEach((name, after) -> {
                if (old.cells().containsKey(name)) {
                    pairs.put(after, old.cells().get(name));
                }
            });
            onlyIn("old", old.cells().keySet(), now.cells().keySet(), notes);
            onlyIn("new", now.cells().keySet(), old.cells().keySet(), notes);
        }
        if (old.kind() == FolderKind.CHECK || now.kind() == FolderKind.CHECK) {
            notes.add("a check is one cell, named after its filesystem type (or its cell, for a matrix cell's folder)");
        }
        Map<Change.Kind, List<Change>> byKind = new LinkedHashMap<>();
        for (Change.Kind kind : Change.Kind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        pairs.forEach((after, before) -> RuleChanges.of(before, now, after).forEach(change -> byKind.get(change.kind()).add(change)));
        // MUST rules first: a failed MUST rule is the red gate, a SHOULD only warns
        byKind.get(Change.Kind.REGRESSION).sort(Comparator.comparing(change -> !change.level().equals(MUST)));
        List<Change> notRun = new ArrayList<>(byKind.get(Change.Kind.NEWLY_NOT_RUN));
        notRun.addAll(byKind.get(Change.Kind.NEWLY_RUN));
        return new Comparison(old.folder().toString(), now.folder().toString(), old.describe(), now.describe(),
                pairs.keySet().stream().map(CellRun::name).toList(), notes, byKind.get(Change.Kind.REGRESSION),
                byKind.get(Change.Kind.FIX), notRun, byKind.get(Change.Kind.OTHER), "", List.of());
    }

    private static Comparison bench(Path old, Path now, double thresholdPercent) {
        List<BenchFigure> before = BenchFigure.read(old);
        List<BenchFigure> after = BenchFigure.read(now);
        Set<String> oldCells = cells(before);
        Set<String> newCells = cells(after);
        List<String> notes = new ArrayList<>();
        onlyIn("old", oldCells, newCells, notes);
        onlyIn("new", newCells, oldCells, notes);
        newCells.retainAll(oldCells);
        return new Comparison(old.toString(), now.toString(), FolderKind.BENCH.command(), FolderKind.BENCH.command(), List.copyOf(newCells), notes, List.of(), List.of(), List.of(),
                List.of(), BenchMove.rule(thresholdPercent), BenchMove.between(before, after, thresholdPercent));
    }

    private static Set<String> cells(List<BenchFigure> figures) {
        Set<String> cells = new LinkedHashSet<>();
        figures.forEach(figure -> cells.add(figure.cell()));
        return cells;
    }

    private static void onlyIn(String side, Set<String> these, Set<String> others, List<String> notes) {
        List<String> only = these.stream().filter(cell -> !others.contains(cell)).toList();
        if (!only.isEmpty()) {
            notes.add("not compared, only in the " + side + " run: " + String.join(", ", only));
        }
    }
}
