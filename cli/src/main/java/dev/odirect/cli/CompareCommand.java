package dev.odirect.cli;

import dev.odirect.compare.BenchMove;
import dev.odirect.compare.Comparison;
import dev.odirect.compare.ComparisonJson;
import dev.odirect.compare.ComparisonMarkdown;
import dev.odirect.compare.ResultFolderException;
import dev.odirect.conformance.run.ExitStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Odirect.Version.class,
        description = {"Compare two result folders of odirect check, matrix or bench (their --out) and print what changed: "
            + "rules that went from pass to fail first (regressions), then from fail to pass (fixes), then rules and cells "
            + "newly not run or newly run, each with its evidence and the command that replays it as the new run did.",
            "A check and a matrix are compared on the cells they have in common: a check is one cell, named after its "
                + "filesystem type (tmpfs, ext4...); two checks are compared whatever their filesystems.",
            "Two bench folders: the figures that moved beyond their noise. With rounds, when the old and new min-max "
                + "ranges do not overlap (a store's figure that got worse is a regression); single figures when they "
                + "changed by more than --threshold, listed but never a regression."},
        footer = {"", "Exit status:", "  " + Comparison.EXIT_NOTHING_REGRESSED + "  nothing regressed",
            "  " + Comparison.EXIT_REGRESSED + "  a rule regressed, or a store's bench figure fell out of its rounds' range",
            "  " + ExitStatus.ERROR + "  bad input: not a result folder, or bench against check",
            "", "Examples:", "  odirect compare results/last-green results/now",
            "  odirect compare results/check-on-tmpfs results/matrix     # the matrix's tmpfs cell",
            "  odirect compare --format json --out compare.json results/main results/branch",
            "  odirect compare --threshold 20 bench/before bench/after"})
final class CompareCommand implements Callable<Integer> {
    enum Format { md, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier result folder (the baseline).")
    Path old;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later result folder: replay commands come from it.")
    Path now;

    @Option(names = "--format", paramLabel = "md|json", defaultValue = "md",
            description = "md: Markdown for people; json: for tools (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the comparison to FILE instead of stdout.")
    Path out;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "" + BenchMove.DEFAULT_THRESHOLD_PERCENT,
            description = "Bench figures without rounds are listed when they moved by more than this (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Override
    public Integer call() throws Exception {
        if (threshold <= 0) {
            throw new ParameterException(spec.commandLine(), "--threshold must be a percentage above 0, not " + threshold);
        }
        Comparison comparison;
        try {
            comparison = Comparison.of(old, now, threshold);
        } catch (ResultFolderException bad) {
            System.err.println("odirect compare: " + bad.getMessage());
            return ExitStatus.ERROR;
        }
        String text = format == Format.json ? ComparisonJson.render(comparison) : ComparisonMarkdown.render(comparison);
        if (out == null) {
            System.out.print(text);
        } else {
            Files.writeString(out, text);
            System.out.println(ComparisonMarkdown.summary(comparison) + "; written to " + out);
        }
        return comparison.exitStatus();
    }
}
