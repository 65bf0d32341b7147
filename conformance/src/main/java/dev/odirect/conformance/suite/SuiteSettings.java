package dev.odirect.conformance.suite;

import dev.odirect.conformance.adapter.AdapterTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run's settings, read from JUnit configuration parameters ({@code odirect.*}), which is how
 * {@code odirect check}, the fs-matrix and the self-tests all hand them over.
 */
public record SuiteSettings(Optional<URI> store, Optional<String> adapter, Path dir, long seed, Profile profile,
                            SessionLimits limits, boolean direct, Optional<String> crashCommand,
                            Optional<String> recoverCommand, Optional<Path> fullDir, Optional<String> cell,
                            Optional<String> noCrashReason, Map<String, String> notApplicable,
                            Optional<String> crashRecorder) {
    public static final String STORE = "odirect.store";
    public static final String ADAPTER = "odirect.adapter";
    public static final String DIR = "odirect.dir";
    public static final String SEED = "odirect.seed";
    public static final String PROFILE = "odirect.profile";
    /** Seconds a store may take to answer one call, in process or behind an adapter. */
    public static final String TIMEOUT = "odirect.timeout";
    /** Bytes an adapter's answer line may have. */
    public static final String ADAPTER_MAX_LINE = "odirect.adapter.max.line";
    public static final String DIRECT = "odirect.direct";
    public static final String CRASH = "odirect.crash";
    public static final String RECOVER = "odirect.recover";
    public static final String FULL_DIR = "odirect.full.dir";
    public static final String CELL = "odirect.cell";
    public static final String NO_CRASH_REASON = "odirect.crash.unavailable";
    /** The id of the recorded device whose crash states the durability rules check. */
    public static final String CRASH_RECORDER = "odirect.crash.recorder";
    /** Followed by a rule id: the rule is not applicable here, for the reason given (a tmpfs cell has no crash). */
    public static final String NOT_APPLICABLE = "odirect.not-applicable.";

    public static SuiteSettings from(Function<String, Optional<String>> parameters) {
        Optional<URI> store = parameters.apply(STORE).map(URI::create);
        Optional<String> adapter = parameters.apply(ADAPTER);
        if (store.isPresent() == adapter.isPresent()) {
            throw new IllegalArgumentException("name exactly one store: " + STORE + " (a URI such as direct:///) or "
                    + ADAPTER + " (an adapter command line)");
        }
        return new SuiteSettings(store, adapter,
                Path.of(parameters.apply(DIR).orElse(System.getProperty("java.io.tmpdir"))),
                parameters.apply(SEED).map(Long::parseLong).orElseGet(System::nanoTime),
                parameters.apply(PROFILE).map(Profile::parse).orElse(Profile.QUICK),
                limits(parameters),
                parameters.apply(DIRECT).map(Boolean::parseBoolean).orElse(true),
                parameters.apply(CRASH), parameters.apply(RECOVER), parameters.apply(FULL_DIR).map(Path::of),
                parameters.apply(CELL), parameters.apply(NO_CRASH_REASON), notApplicable(parameters),
                parameters.apply(CRASH_RECORDER));
    }

    private static Map<String, String> notApplicable(Function<String, Optional<String>> parameters) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String id : RuleCatalog.rules().keySet()) {
            parameters.apply(NOT_APPLICABLE + id).ifPresent(reason -> reasons.put(id, reason));
        }
        return reasons;
    }

    private static SessionLimits limits(Function<String, Optional<String>> parameters) {
        SessionLimits limits = SessionLimits.DEFAULTS;
        Optional<String> timeout = parameters.apply(TIMEOUT);
        if (timeout.isPresent()) {
            limits = limits.withTimeout(Duration.ofSeconds(wholeNumber(TIMEOUT, timeout.get(), Long.MAX_VALUE)));
        }
        Optional<String> maxLine = parameters.apply(ADAPTER_MAX_LINE);
        if (maxLine.isPresent()) {
            limits = limits.withMaxLine((int) wholeNumber(ADAPTER_MAX_LINE, maxLine.get(), Integer.MAX_VALUE));
        }
        return limits;
    }

    private static long wholeNumber(String key, String value, long max) {
        try {
            long number = Long.parseLong(value.trim());
            if (number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(key + " must be a whole number up to " + max + ", not '" + value + "'");
    }

    public StoreTarget target() {
        return store.<StoreTarget>map(uri -> ProviderTarget.find(uri, limits.timeout()))
                .orElseGet(() -> new AdapterTarget(adapter.orElseThrow(), limits, direct));
    }

    /** The command that runs one rule again with the same inputs (see {@link ReplayCommand}). */
    public String replay(String ruleId) {
        return ReplayCommand.of(this, ruleId);
    }

    /** The command that runs every rule again with the same inputs: a replay without its rule. */
    public String command() {
        return ReplayCommand.ofRun(this);
    }
}
