package dev.odirect.cli;

import dev.odirect.conformance.suite.Profile;
import dev.odirect.conformance.suite.SuiteSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options `check` and `matrix` share: which store, how hard, which seed. Each field is named
 * after its flag, as the {@link SuiteSettings} it fills; the defaults are the settings'.
 */
final class SuiteOptions {

    static final class Target {
        @Option(names = SuiteSettings.STORE, paramLabel = "URI",
                description = "A Java store in process, by URI: direct:/// or file:/// for the reference store "
                        + "(query settings: ?tail=PAD_TRUNCATE&buffer=64k&fallback=FAIL). Default: "
                        + SuiteSettings.DEFAULT_STORE + ".")
        URI store;

        @Option(names = SuiteSettings.ADAPTER, paramLabel = "COMMAND",
                description = "A store behind the adapter protocol: the command line that starts its adapter.")
        String adapter;
    }

    @ArgGroup(exclusive = true)
    Target target = new Target();

    @Option(names = SuiteSettings.PROFILE, defaultValue = SuiteSettings.DEFAULT_PROFILE, paramLabel = "quick|thorough",
            description = "quick: the CI gate; thorough: thousands of operations (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = SuiteSettings.SEED, paramLabel = "N",
            description = "Seed of every generator; printed in failures to replay them (default: a new one per run).")
    Long seed;

    /** {@code --adapter-timeout} is the documented old name. */
    @Option(names = {SuiteSettings.TIMEOUT, "--adapter-timeout"}, paramLabel = "SECONDS",
            defaultValue = "" + SuiteSettings.DEFAULT_TIMEOUT_SECONDS,
            description = "How long the store, in process or behind an adapter, may take to answer one call; "
                    + "past it the rule fails and the next gets a fresh session (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = SuiteSettings.ADAPTER_MAX_LINE, paramLabel = "SIZE", converter = ByteSizeConverter.class,
            defaultValue = "" + SuiteSettings.DEFAULT_ADAPTER_MAX_LINE,
            description = "The longest answer line an adapter may send, e.g. 256m; a longer one fails the rule "
                    + "without being kept in memory (default: ${DEFAULT-VALUE} bytes).")
    int adapterMaxLine;

    @Option(names = "--no-report", description = "Write results (summary.json, junit/, allure-results/) but not the "
            + "HTML report, which takes seconds; `odirect report` makes it later.")
    boolean noReport;

    @Option(names = SuiteSettings.NOT_DIRECT,
            description = "The adapter's store does not use O_DIRECT: DIRECT-1 and DIRECT-2 do not apply.")
    boolean notDirect;

    @Option(names = SuiteSettings.WAIVE, split = ",", paramLabel = "ID",
            description = "Accept that these rules did not run (or failed) here, e.g. DURABLE-1,ERROR-1: they do not "
                    + "block the verdict and are listed as waived.")
    List<String> waive = List.of();

    /** The settings these options make; the command adds its own. */
    SuiteSettings.Builder settings() {
        return SuiteSettings.builder().store(target.store).adapter(target.adapter).profile(Profile.parse(profile))
                .seed(seed).timeout(Duration.ofSeconds(timeout)).adapterMaxLine(adapterMaxLine).notDirect(notDirect)
                .waive(waive.stream().map(String::trim).collect(Collectors.toUnmodifiableSet()));
    }
}
