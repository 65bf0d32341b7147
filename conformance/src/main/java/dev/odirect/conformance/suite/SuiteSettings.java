package dev.odirect.conformance.suite;

import dev.odirect.conformance.adapter.AdapterTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one run of the rules is told: which store, where, how hard, which rules, where results
 * go, and what a matrix cell adds. Built once, from the command line (or from {@code odirect.*}
 * properties, see {@link SettingsProperties}), and handed down as it is.
 *
 * <p>Each setting has one name: its flag ({@code --crash-cmd}), the component ({@code crashCmd}) and
 * the property ({@code odirect.crash-cmd}). The last four are set by the fs-matrix per cell and have
 * no flag. Every default is in {@link Builder}.
 *
 * @param waive          rules whose failure or absence does not block the verdict
 * @param notApplicable  rules that cannot apply here by the nature of the place (a cell), with the reason
 * @param noCrashReason  why this place cannot be crashed, when it cannot
 * @param crashRecorder  the id of the {@link dev.odirect.conformance.crash.CrashRecorders recorded device}
 *                       under {@code dir}, whose crash states the durability rules check
 * @param matrixMode     how the matrix made this cell (host, containers), so that its replays make it the same way
 */
public record SuiteSettings(Optional<URI> store, Optional<String> adapter, Path dir, Profile profile, long seed,
                            Duration timeout, int adapterMaxLine, boolean notDirect, Set<String> waive, Path out,
                            List<String> rule, Optional<String> crashCmd, Optional<String> recoverCmd,
                            Optional<Path> fullDir, Optional<String> cell, Optional<String> noCrashReason,
                            Map<String, String> notApplicable, Optional<String> crashRecorder,
                            Optional<String> matrixMode) {
    public static final String STORE = "--store";
    public static final String ADAPTER = "--adapter";
    public static final String DIR = "--dir";
    public static final String PROFILE = "--profile";
    public static final String SEED = "--seed";
    /** Seconds a store may take to answer one call, in process or behind an adapter. */
    public static final String TIMEOUT = "--timeout";
    /** Bytes an adapter's answer line may have. */
    public static final String ADAPTER_MAX_LINE = "--adapter-max-line";
    public static final String NOT_DIRECT = "--not-direct";
    public static final String WAIVE = "--waive";
    public static final String OUT = "--out";
    public static final String RULE = "--rule";
    public static final String CRASH_CMD = "--crash-cmd";
    public static final String RECOVER_CMD = "--recover-cmd";
    public static final String FULL_DIR = "--full-dir";
    /** The matrix's flag for where its cells run: a cell's replay runs it the same way. */
    public static final String MODE = "--mode";

    public static final String DEFAULT_STORE = "direct:///";
    public static final String DEFAULT_PROFILE = "quick";
    public static final long DEFAULT_TIMEOUT_SECONDS = 30;
    /** Room for the base64 of a 48 MiB object; the rules send a few MiB at most. */
    public static final int DEFAULT_ADAPTER_MAX_LINE = 64 << 20;

    public SuiteSettings {
        if (store.isPresent() == adapter.isPresent()) {
            throw new IllegalArgumentException("name exactly one store: " + STORE + " (a URI such as " + DEFAULT_STORE
                    + ") or " + ADAPTER + " (an adapter command line)");
        }
        limits(timeout, adapterMaxLine);
        waive = Set.copyOf(waive);
        rule = List.copyOf(rule);
        notApplicable = Map.copyOf(notApplicable);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The property that carries a flag's setting, {@code odirect.crash-cmd} for {@code --crash-cmd}. */
    public static String property(String flag) {
        return "odirect." + flag.substring(2);
    }

    /** {@code target/odirect/<kind>-<timestamp>}: where a run's results go unless told. */
    public static Path defaultOut(String kind) {
        return Path.of("target", "odirect", kind + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    public SessionLimits limits() {
        return limits(timeout, adapterMaxLine);
    }

    private static SessionLimits limits(Duration timeout, int adapterMaxLine) {
        return new SessionLimits(timeout, adapterMaxLine);
    }

    /** The same store, seed, profile, waivers and rules (those the cell runs too), pointed at one cell of a matrix. */
    public SuiteSettings forCell(String name, Path cellDir, Path cellOut, List<String> cellRules,
                                 Optional<String> crash, Optional<String> recover, Optional<Path> full,
                                 Optional<String> whyNoCrash, Map<String, String> cellNotApplicable,
                                 Optional<String> recorder) {
        List<String> both = rule.isEmpty() ? cellRules : cellRules.isEmpty() ? rule
                : rule.stream().filter(cellRules::contains).toList();
        return toBuilder().cell(name).dir(cellDir).out(cellOut).rule(both).crashCmd(crash).recoverCmd(recover)
                .fullDir(full).noCrashReason(whyNoCrash).notApplicable(cellNotApplicable).crashRecorder(recorder)
                .build();
    }

    public StoreTarget target() {
        return store.<StoreTarget>map(uri -> ProviderTarget.find(uri, timeout))
                .orElseGet(() -> new AdapterTarget(adapter.orElseThrow(), limits(), !notDirect));
    }

    /** The store as named on the command line. */
    public String targetName() {
        return store.map(Object::toString).orElseGet(adapter::orElseThrow);
    }

    /** The command that runs one rule again with the same inputs (see {@link ReplayCommand}). */
    public String replay(String ruleId) {
        return ReplayCommand.of(this, ruleId);
    }

    /** The command that runs every rule again with the same inputs: a replay without its rule. */
    public String command() {
        return ReplayCommand.ofRun(this);
    }

    /** Settings one at a time, each starting at its default. */
    public static final class Builder {
        private Optional<URI> store = Optional.empty();
        private Optional<String> adapter = Optional.empty();
        private Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        private Profile profile = Profile.parse(DEFAULT_PROFILE);
        /** Unset: a new seed per run, printed to replay it. */
        private Long seed;
        private Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        private int adapterMaxLine = DEFAULT_ADAPTER_MAX_LINE;
        private boolean notDirect;
        private Set<String> waive = Set.of();
        private Path out = defaultOut("check");
        private List<String> rule = List.of();
        private Optional<String> crashCmd = Optional.empty();
        private Optional<String> recoverCmd = Optional.empty();
        private Optional<Path> fullDir = Optional.empty();
        private Optional<String> cell = Optional.empty();
        private Optional<String> noCrashReason = Optional.empty();
        private Map<String, String> notApplicable = Map.of();
        private Optional<String> crashRecorder = Optional.empty();
        private Optional<String> matrixMode = Optional.empty();

        private Builder() {
        }

        private Builder(SuiteSettings from) {
            store = from.store;
            adapter = from.adapter;
            dir = from.dir;
            profile = from.profile;
            seed = from.seed;
            timeout = from.timeout;
            adapterMaxLine = from.adapterMaxLine;
            notDirect = from.notDirect;
            waive = from.waive;
            out = from.out;
            rule = from.rule;
            crashCmd = from.crashCmd;
            recoverCmd = from.recoverCmd;
            fullDir = from.fullDir;
            cell = from.cell;
            noCrashReason = from.noCrashReason;
            notApplicable = from.notApplicable;
            crashRecorder = from.crashRecorder;
            matrixMode = from.matrixMode;
        }

        /** A store in process, by URI; {@code null} keeps the default, {@value #DEFAULT_STORE}, unless an adapter is named. */
        public Builder store(URI uri) {
            store = Optional.ofNullable(uri);
            return this;
        }

        /** A store behind the adapter protocol: the command line that starts its adapter. */
        public Builder adapter(String command) {
            adapter = Optional.ofNullable(command);
            return this;
        }

        public Builder dir(Path directory) {
            dir = directory.toAbsolutePath();
            return this;
        }

        public Builder profile(Profile how) {
            profile = how;
            return this;
        }

        /** {@code null} keeps a new seed per run. */
        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public Builder timeout(Duration perCall) {
            timeout = perCall;
            return this;
        }

        public Builder adapterMaxLine(int bytes) {
            adapterMaxLine = bytes;
            return this;
        }

        public Builder notDirect(boolean storeDoesNotUseODirect) {
            notDirect = storeDoesNotUseODirect;
            return this;
        }

        public Builder waive(Set<String> ids) {
            waive = ids;
            return this;
        }

        public Builder out(Path directory) {
            out = directory.toAbsolutePath();
            return this;
        }

        public Builder rule(List<String> ids) {
            rule = ids;
            return this;
        }

        public Builder crashCmd(Optional<String> command) {
            crashCmd = command;
            return this;
        }

        public Builder recoverCmd(Optional<String> command) {
            recoverCmd = command;
            return this;
        }

        public Builder fullDir(Optional<Path> directory) {
            fullDir = directory.map(Path::toAbsolutePath);
            return this;
        }

        public Builder cell(String name) {
            cell = Optional.of(name);
            return this;
        }

        public Builder noCrashReason(Optional<String> why) {
            noCrashReason = why;
            return this;
        }

        public Builder notApplicable(Map<String, String> reasons) {
            notApplicable = reasons;
            return this;
        }

        public Builder crashRecorder(Optional<String> id) {
            crashRecorder = id;
            return this;
        }

        /** How the matrix made the cell (host, containers), for a replay that makes it the same way. */
        public Builder matrixMode(String mode) {
            matrixMode = Optional.of(mode);
            return this;
        }

        public SuiteSettings build() {
            Optional<URI> named = store.isEmpty() && adapter.isEmpty() ? Optional.of(URI.create(DEFAULT_STORE)) : store;
            return new SuiteSettings(named, adapter, dir, profile, seed != null ? seed : System.nanoTime() % 1_000_000_000L,
                    timeout, adapterMaxLine, notDirect, waive, out, rule, crashCmd, recoverCmd, fullDir, cell,
                    noCrashReason, notApplicable, crashRecorder, matrixMode);
        }
    }
}
