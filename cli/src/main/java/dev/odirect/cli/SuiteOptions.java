package dev.odirect.cli;

import dev.odirect.conformance.run.CheckOptions;
import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.SessionLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options `check` and `matrix` share: which store, how hard, which seed. */
final class SuiteOptions {

    static final class Target {
        @Option(names = "--store", paramLabel = "URI",
                description = "A Java store in process, by URI: direct:/// or file:/// for the reference store "
                        + "(query settings: ?tail=PAD_TRUNCATE&buffer=64k&fallback=FAIL). Default: direct:///.")
        URI store;

        @Option(names = "--adapter", paramLabel = "COMMAND",
                description = "A store behind the adapter protocol: the command line that starts its adapter.")
        String adapter;
    }

    @ArgGroup(exclusive = true)
    Target target = new Target();

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "quick|thorough",
            description = "quick: the CI gate; thorough: thousands of operations (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every generator; printed in failures to replay them.")
    Long seed;

    @Option(names = {SessionLimits.TIMEOUT_OPTION, "--adapter-timeout"}, paramLabel = "SECONDS",
            defaultValue = "" + SessionLimits.DEFAULT_TIMEOUT_SECONDS,
            description = "How long the store, in process or behind an adapter, may take to answer one call; "
                    + "past it the rule fails and the next gets a fresh session (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = SessionLimits.MAX_LINE_OPTION, paramLabel = "SIZE", converter = ByteSizeConverter.class,
            defaultValue = "" + SessionLimits.DEFAULT_MAX_LINE,
            description = "The longest answer line an adapter may send, e.g. 256m; a longer one fails the rule "
                    + "without being kept in memory (default: ${DEFAULT-VALUE} bytes).")
    int adapterMaxLine;

    @Option(names = "--no-report", description = "Write results (summary.json, junit/, allure-results/) but not the "
            + "HTML report, which takes seconds; `odirect report` makes it later.")
    boolean noReport;

    @Option(names = "--not-direct", description = "The adapter's store does not use O_DIRECT: DIRECT-1 and DIRECT-2 do not apply.")
    boolean notDirect;

    @Option(names = CheckOptions.WAIVE_OPTION, split = ",", paramLabel = "ID",
            description = "Accept that these rules did not run (or failed) here, e.g. DURABLE-1,ERROR-1: they do not "
                    + "block the verdict and are listed as waived.")
    List<String> waivers = List.of();

    /** Check options with everything but the cell-specific parts. */
    CheckOptions checkOptions(Path dir, Path out, List<String> rules, Optional<String> crash, Optional<String> recover,
                              Optional<Path> fullDir) {
        Optional<String> adapter = Optional.ofNullable(target.adapter);
        Optional<URI> store = adapter.isPresent() ? Optional.empty()
                : Optional.of(target.store == null ? URI.create("direct:///") : target.store);
        return new CheckOptions(store, adapter, dir.toAbsolutePath(), Profile.parse(profile),
                seed != null ? seed : System.nanoTime() % 1_000_000_000L, out.toAbsolutePath(), rules, crash, recover,
                fullDir.map(Path::toAbsolutePath), new SessionLimits(Duration.ofSeconds(timeout), adapterMaxLine),
                !notDirect, Optional.empty(), Optional.empty(),
                waivers.stream().map(String::trim).collect(Collectors.toUnmodifiableSet()), Map.of());
    }

    static Path defaultOut(String kind) {
        return Path.of("target", "odirect", kind + "-" + java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
}
