package dev.odirect.compare;

import java.util.List;
import java.util.Locale;

/** The comparison for people: what regressed first, each change with its evidence and replay command. */
public final class ComparisonMarkdown {
    private ComparisonMarkdown() {
    }

    public static String render(Comparison comparison) {
        StringBuilder md = new StringBuilder("# odirect compare\n\n")
                .append("- old: ").append(comparison.old()).append(": ").append(comparison.oldRun()).append('\n')
                .append("- new: ").append(comparison.now()).append(": ").append(comparison.newRun()).append('\n')
                .append("- compared: ").append(comparison.compared().isEmpty() ? "nothing in common"
                        : String.join(", ", comparison.compared())).append('\n');
        comparison.notes().forEach(note -> md.append("- note: ").append(note).append('\n'));
        md.append('\n').append(summary(comparison)).append('\n');
        if (comparison.benchRule().isEmpty()) {
            changes(md, "Regressions: pass to fail", comparison.regressions());
            changes(md, "Fixes: fail to pass", comparison.fixes());
            changes(md, "Not-run changes: newly not run, newly run", comparison.notRunChanges());
            changes(md, "Other changes", comparison.otherChanges());
        } else {
            bench(md, comparison);
        }
        return md.toString();
    }

    /** The one line that says it all: "2 regressions, 0 fixes, ..." or that nothing changed. */
    public static String summary(Comparison comparison) {
        if (comparison.nothingChanged()) {
            return "nothing changed" + (comparison.compared().isEmpty() ? " (no cell in common)"
                    : " in " + String.join(", ", comparison.compared()));
        }
        if (!comparison.benchRule().isEmpty()) {
            long regressions = comparison.benchMoves().stream().filter(BenchMove::regression).count();
            return comparison.benchMoves().size() + " bench figures moved beyond their noise, " + regressions
                    + (regressions == 1 ? " regression" : " regressions");
        }
        return count(comparison.regressions(), "regression") + ", " + count(comparison.fixes(), "fix") + ", "
                + count(comparison.notRunChanges(), "not-run change") + ", " + count(comparison.otherChanges(), "other change");
    }

    private static String count(List<Change> changes, String what) {
        int n = changes.size();
        return n + " " + (n == 1 ? what : what.endsWith("x") ? what + "es" : what + "s");
    }

    private static void changes(StringBuilder md, String heading, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        md.append("\n## ").append(heading).append(" (").append(changes.size()).append(")\n\n");
        for (Change change : changes) {
            md.append("- **").append(change.rule()).append("** ")
                    .append(change.level().isEmpty() ? "" : change.level() + " ").append("in ").append(change.cell())
                    .append(": ").append(change.was()).append(" → ").append(change.now()).append('\n');
            if (!change.evidence().isEmpty()) {
                md.append(change.kind() == Change.Kind.FIX ? "  - old failure: " : "  - evidence: ").append(change.evidence()).append('\n');
            }
            md.append("  - replay: `").append(change.replay()).append("`\n");
        }
    }

    private static void bench(StringBuilder md, Comparison comparison) {
        md.append("\nRule: ").append(comparison.benchRule()).append(".\n");
        if (comparison.benchMoves().isEmpty()) {
            return;
        }
        md.append("\n## Bench figures beyond their noise (").append(comparison.benchMoves().size()).append(")\n\n")
                .append("| cell | figure | old | new | change | verdict |\n|---|---|---|---|---|---|\n");
        for (BenchMove move : comparison.benchMoves()) {
            md.append("| ").append(move.cell()).append(" | ").append(move.figure()).append(" | ")
                    .append(figure(move.was(), move.wasRange())).append(" | ").append(figure(move.now(), move.nowRange()))
                    .append(" | ").append(String.format(Locale.ROOT, "%+.0f%%", move.changePercent())).append(" | ")
                    .append(move.regression() ? "**regression**" : move.better() ? "better" : "worse").append(" |\n");
        }
    }

    private static String figure(double value, BenchFigure.Range range) {
        String format = value < 10 ? "%.2f" : "%.0f";
        String shown = String.format(Locale.ROOT, format, value);
        return range == null ? shown : shown + String.format(Locale.ROOT, " (" + format + "-" + format + ")", range.min(), range.max());
    }
}
