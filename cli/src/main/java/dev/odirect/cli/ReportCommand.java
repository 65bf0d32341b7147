package dev.odirect.cli;

import dev.odirect.conformance.run.CheckReport;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.matrix.MatrixMerge;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Odirect.Version.class,
        description = {"Build one compatibility matrix from the result folders of several matrix runs "
            + "(shards on different CI runners, or different machines): matrix.json, matrix.md, matrix.html."},
        footer = {"", "Exit status: 0 no MUST rule failed in any cell, 1 one did, 2 a usage error.", "",
            "Example:", "  odirect report --merge results/shard-1 results/shard-2 results/shard-3 --out results/all"})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--merge", arity = "1..*", required = true, paramLabel = "DIR",
            description = "Result folders of odirect matrix runs (their --out).")
    List<Path> merge;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the merged matrix goes.")
    Path out;

    @Override
    public Integer call() throws Exception {
        try {
            return MatrixMerge.merge(merge, out, System.out).exitStatus();
        } catch (CheckSetupException bad) {
            System.err.println("odirect report: " + bad.getMessage());
            return CheckReport.SETUP_ERROR;
        }
    }
}
