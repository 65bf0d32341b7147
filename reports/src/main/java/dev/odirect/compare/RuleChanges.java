package dev.odirect.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules whose outcome differs between two runs, cell by cell. */
final class RuleChanges {
    private RuleChanges() {
    }

    /** The changes of one cell of the new run against the same cell of the old one. */
    static List<Change> of(CellRun before, RunResults now, CellRun after) {
        if (after.notRun()) {
            return before.notRun() ? List.of() : List.of(cellChange(before, now, after));
        }
        List<Change> rules = ruleChanges(before, now, after);
        if (!before.notRun()) {
            return rules;
        }
        // a cell made for the first time: one line for it, and its failures, which must not hide behind it
        List<Change> changes = new ArrayList<>(List.of(cellChange(before, now, after)));
        rules.stream().filter(change -> change.kind() == Change.Kind.REGRESSION).forEach(changes::add);
        return changes;
    }

    private static List<Change> ruleChanges(CellRun before, RunResults now, CellRun after) {
        List<Change> changes = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(after.rules().keySet());
        ids.addAll(before.rules().keySet());
        for (String id : ids) {
            Optional<RuleRun> was = Optional.ofNullable(before.rules().get(id));
            Optional<RuleRun> is = Optional.ofNullable(after.rules().get(id));
            String wasOutcome = was.map(RuleRun::outcome).orElse(RuleRun.ABSENT);
            String isOutcome = is.map(RuleRun::outcome).orElse(RuleRun.ABSENT);
            if (wasOutcome.equals(isOutcome)) {
                continue;
            }
            Change.Kind kind = kind(wasOutcome, isOutcome);
            // a fix's evidence is the failure it no longer has; everything else is explained by the new run
            Optional<RuleRun> explains = kind == Change.Kind.FIX || is.isEmpty() ? was : is;
            String evidence = is.isEmpty() ? "not in the new run" : explains.map(RuleRun::evidence).orElse("");
            changes.add(new Change(kind, after.name(), id, is.or(() -> was).map(RuleRun::level).orElse(""),
                    was.map(RuleRun::shown).orElse(RuleRun.ABSENT), is.map(RuleRun::shown).orElse(RuleRun.ABSENT),
                    evidence, now.replay(after.name(), is.or(() -> was))));
        }
        return changes;
    }

    private static Change.Kind kind(String was, String is) {
        if (RuleRun.failing(is)) {
            return Change.Kind.REGRESSION;
        }
        if (RuleRun.failing(was) && is.equals(RuleRun.PASSED)) {
            return Change.Kind.FIX;
        }
        if (RuleRun.notRun(is)) {
            return Change.Kind.NEWLY_NOT_RUN;
        }
        return RuleRun.notRun(was) ? Change.Kind.NEWLY_RUN : Change.Kind.OTHER;
    }

    /** A cell that could not be made in one run: one change for the cell, not one per rule. */
    private static Change cellChange(CellRun before, RunResults now, CellRun after) {
        Change.Kind kind = after.notRun() ? Change.Kind.NEWLY_NOT_RUN : Change.Kind.NEWLY_RUN;
        String evidence = after.notRun() ? after.reason() : "was not run: " + before.reason();
        return new Change(kind, after.name(), Change.WHOLE_CELL, "", before.status(), after.status(), evidence,
                now.replay(after.name(), Optional.empty()));
    }
}
