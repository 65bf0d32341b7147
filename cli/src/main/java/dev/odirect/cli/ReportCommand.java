package dev.odirect.cli;

import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.matrix.MatrixMerge;
import dev.odirect.matrix.MatrixReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Odirect.Version.class,
        description = {"Generate the HTML report (Allure, offline) of check and matrix runs: DIR/report/index.html, "
            + "a single file that opens from file://, and DIR/report/site/ which keeps the trend history across runs.",
            "With --merge, first build one compatibility matrix from the result folders of several matrix runs "
                + "(shards on different CI runners, or different machines)."},
        footer = {"", ExitStatus.HELP_HEADING + " (with --merge: the merged matrix's verdict; alone: 0 or 2)",
            ExitStatus.HELP_PROVEN, ExitStatus.HELP_MUST_FAILED, ExitStatus.HELP_ERROR, ExitStatus.HELP_NOT_PROVEN, "",
            "Examples:", "  odirect report --out target/odirect/matrix-20261124-120000",
            "  odirect report --merge results/shard-1 results/shard-2 results/shard-3 --out results/all"})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--merge", arity = "1..*", paramLabel = "DIR",
            description = "Result folders of odirect matrix or check runs (their --out) to merge into --out.")
    List<Path> merge = List.of();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "A run's result folder (alone), or where the merged results go (with --merge).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try {
            List<Path> inputs = merge.isEmpty() ? List.of(out) : merge;
            Optional<MatrixReport> merged = Optional.empty();
            if (!merge.isEmpty() && merge.stream().allMatch(dir -> Files.exists(dir.resolve("matrix.json")))) {
                merged = Optional.of(MatrixMerge.merge(merge, out, System.out));
            }
            Reports.generate(inputs, out, System.out);
            Reports.verdictPage(out, System.out);
            merged.ifPresent(matrix -> System.out.println(matrix.verdict().closingLines()));
            return merged.map(MatrixReport::exitStatus).orElse(ExitStatus.PROVEN);
        } catch (CheckSetupException bad) {
            System.err.println("odirect report: " + bad.getMessage());
            return ExitStatus.ERROR;
        }
    }
}
