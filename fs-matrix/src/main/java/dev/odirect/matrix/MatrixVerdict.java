package dev.odirect.matrix;

import dev.odirect.conformance.run.GateVerdict;
import dev.odirect.conformance.run.RuleCounts;
import dev.odirect.conformance.run.RuleResult;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.run.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The verdict of a matrix: failed when a MUST rule failed in a cell; error when no rule ran in any
 * cell; not proven when a cell could not be made, or a MUST rule did not run in one; else passed.
 * The line names the cells and rules behind it, with their reasons.
 */
final class MatrixVerdict {
    private MatrixVerdict() {
    }

    static GateVerdict of(List<CellResult> cells) {
        List<RuleResult> rules = cells.stream().flatMap(cell -> cell.rules().stream()).toList();
        RuleCounts counts = RuleCounts.of(rules);
        List<CellResult> failed = cells.stream().filter(cell -> cell.verdict() == Verdict.FAILED).toList();
        String unproven = unproven(cells);
        String waived = waived(cells);
        if (!failed.isEmpty()) {
            return new GateVerdict(Verdict.FAILED, failed(failed)
                    + (unproven.isEmpty() ? "" : "; not proven either: " + unproven) + waived, counts);
        }
        if (rules.stream().noneMatch(rule -> rule.outcome().checked())) {
            return new GateVerdict(Verdict.ERROR, "no rule ran in any cell" + (unproven.isEmpty() ? "" : ": " + unproven),
                    counts);
        }
        if (!unproven.isEmpty()) {
            return new GateVerdict(Verdict.NOT_PROVEN, unproven + hints(cells) + waived, counts);
        }
        return new GateVerdict(Verdict.PASSED, "every MUST rule passed" + (waived.isEmpty() ? " or was not applicable"
                : ", was not applicable or was waived") + " in every cell (" + cells.size() + ")" + waived, counts);
    }

    /** Auto mode without root or Docker ran the rules in a plain directory: no cell is proven, whatever they showed. */
    static GateVerdict noCell(String why, GateVerdict plain) {
        Verdict verdict = plain.verdict() == Verdict.FAILED || plain.verdict() == Verdict.ERROR ? plain.verdict()
                : Verdict.NOT_PROVEN;
        return new GateVerdict(verdict, "no cell ran (" + why + "); in the plain directory, " + plain.line(),
                plain.counts());
    }

    /** "xfs (STREAM-2, PUT-1), ext4 (the store could not start a session ...)" */
    private static String failed(List<CellResult> cells) {
        return cells.stream().map(cell -> cell.name() + " (" + (cell.rules().isEmpty() ? cell.reason()
                : cell.rules().stream().filter(rule -> rule.status() == RuleStatus.FAILED).map(RuleResult::id)
                        .collect(Collectors.joining(", "))) + ")").collect(Collectors.joining(", "));
    }

    /** "cells not run: xfs, xfs-4k (mkfs.xfs is not installed ...); DURABLE-1 in btrfs (...)", or nothing. */
    private static String unproven(List<CellResult> cells) {
        List<String> parts = new ArrayList<>();
        Map<String, List<String>> notMade = group(cells.stream().filter(cell -> !cell.made()).toList(),
                CellResult::reason, CellResult::name);
        if (!notMade.isEmpty()) {
            parts.add("cells not run: " + joined(notMade, (names, reason) -> names + " (" + reason + ")"));
        }
        cells.stream().filter(cell -> cell.made() && cell.verdict() == Verdict.ERROR)
                .forEach(cell -> parts.add("no rule ran in cell " + cell.name() + " (" + cell.reason() + ")"));
        Map<Unproven, List<String>> rules = new LinkedHashMap<>();
        for (CellResult cell : cells) {
            cell.rules().stream().filter(rule -> cell.made() && rule.unproven()).forEach(rule -> rules
                    .computeIfAbsent(new Unproven(rule.id(), rule.shortReason()), key -> new ArrayList<>())
                    .add(cell.name()));
        }
        rules.forEach((rule, names) -> parts.add(rule.id() + " in " + String.join(", ", names) + " (" + rule.reason() + ")"));
        return String.join("; ", parts);
    }

    /** A rule that did not run, for one reason: the cells where it did not are listed together. */
    private record Unproven(String id, String reason) {
    }

    /** What to do about it: waive the rules that cannot run here, or run only the cells this machine can make. */
    private static String hints(List<CellResult> cells) {
        List<RuleResult> unproven = cells.stream().filter(CellResult::made).flatMap(cell -> cell.rules().stream())
                .filter(RuleResult::unproven).toList();
        String hints = unproven.isEmpty() ? "" : "; " + GateVerdict.waiveHint(unproven);
        List<String> made = cells.stream().filter(CellResult::made).map(CellResult::name).toList();
        if (cells.stream().anyMatch(cell -> !cell.made()) && !made.isEmpty()) {
            hints += "; run the cells this machine can make with " + MatrixOptions.CELLS_OPTION + " " + String.join(",", made);
        }
        return hints;
    }

    /** "; waived: DURABLE-1 (not run) in btrfs, tmpfs", or nothing. */
    private static String waived(List<CellResult> cells) {
        Map<String, List<String>> waived = new LinkedHashMap<>();
        for (CellResult cell : cells) {
            cell.rules().stream().filter(RuleResult::waived).forEach(rule -> waived
                    .computeIfAbsent(rule.id() + " (" + rule.outcome().words() + ")", key -> new ArrayList<>())
                    .add(cell.name()));
        }
        return waived.isEmpty() ? "" : "; waived: " + joined(waived, (names, rule) -> rule + " in " + names);
    }

    private static <T> Map<String, List<String>> group(List<T> items, Function<T, String> key, Function<T, String> name) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        items.forEach(item -> groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(name.apply(item)));
        return groups;
    }

    private static String joined(Map<String, List<String>> groups, BiFunction<String, String, String> each) {
        return groups.entrySet().stream().map(e -> each.apply(String.join(", ", e.getValue()), e.getKey()))
                .collect(Collectors.joining("; "));
    }
}
