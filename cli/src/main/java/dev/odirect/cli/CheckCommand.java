package dev.odirect.cli;

import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.run.CheckReport;
import dev.odirect.conformance.run.CheckRunner;
import dev.odirect.conformance.run.CheckSetupException;
import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.conformance.run.RuleStatus;
import dev.odirect.conformance.suite.RuleCatalog;
import dev.odirect.conformance.verify.PageCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Odirect.Version.class,
        description = {"Run the conformance rules (conformance/SPEC.md) against one store in one directory.",
            "Prints a line per rule; writes summary.json, junit/ and allure-results/ to --out."},
        footer = {"", ExitStatus.HELP_HEADING, ExitStatus.HELP_PROVEN, ExitStatus.HELP_MUST_FAILED, ExitStatus.HELP_ERROR,
            ExitStatus.HELP_NOT_PROVEN, "",
            "Examples:", "  odirect check --store direct:/// --dir /mnt/xfs",
            "  odirect check --adapter './odirect adapter --tail PAD_TRUNCATE' --dir /dev/shm",
            "  odirect check --adapter 'python3 my_adapter.py' --seed 42 --rule STREAM-1",
            "  odirect check --dir /dev/shm --waive DURABLE-1,ERROR-1,ERROR-3"})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    SuiteOptions suite = new SuiteOptions();

    @Mixin
    InstallOption install = new InstallOption();

    @Option(names = "--dir", paramLabel = "DIR", description = "Objects go to a fresh subdirectory of DIR (default: ${DEFAULT-VALUE}).",
            defaultValue = "${java.io.tmpdir}")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results go (default: target/odirect/<timestamp>).")
    Path out;

    @Option(names = "--rule", paramLabel = "ID", split = ",", description = "Run only these rules, e.g. STREAM-1,KEY-1.")
    List<String> rules = List.of();

    @Option(names = "--crash-cmd", paramLabel = "COMMAND",
            description = "Crashes the filesystem under the store (DURABLE-1); ODIRECT_ROOT is set to the rule's root.")
    String crashCommand;

    @Option(names = "--recover-cmd", paramLabel = "COMMAND", description = "Brings the filesystem back after the crash.")
    String recoverCommand;

    @Option(names = "--full-dir", paramLabel = "DIR", description = "A directory on a small filesystem, for ERROR-1.")
    Path fullDir;

    @Override
    public Integer call() throws Exception {
        CheckOptions options = options();
        install.provide("check", List.of(PageCache.NEED));
        System.out.println("odirect check: " + options.target() + " in " + options.dir() + ", profile " + suite.profile
                + ", seed " + options.seed());
        CheckReport report;
        try {
            report = CheckRunner.run(options, System.out);
        } catch (CheckSetupException setup) {
            System.err.println("odirect check: " + setup.getMessage());
            return ExitStatus.ERROR;
        }
        report.results().stream().filter(r -> r.outcome() == RuleStatus.FAILED || r.outcome() == RuleStatus.WARNED)
                .forEach(r -> System.out.println(System.lineSeparator() + RuleCatalog.rule(r.id())
                        .map(rule -> "[" + rule.id() + " " + rule.level() + "] " + rule.text() + System.lineSeparator())
                        .orElse("") + r.message()));
        System.out.println("results: " + report.out().resolve("summary.json"));
        Reports.generateAfterRun(report.out(), System.out, suite.noReport);
        System.out.println(report.verdict().closingLines());
        return report.exitStatus();
    }

    CheckOptions options() {
        return suite.checkOptions(dir, out != null ? out : SuiteOptions.defaultOut("check"),
                rules.stream().map(String::trim).toList(), Optional.ofNullable(crashCommand),
                Optional.ofNullable(recoverCommand), Optional.ofNullable(fullDir));
    }
}
