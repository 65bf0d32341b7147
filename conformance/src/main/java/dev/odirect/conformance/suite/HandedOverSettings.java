package dev.odirect.conformance.suite;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Hands a run's {@link SuiteSettings} to the rules as they are: a launch carries only their id as a
 * configuration parameter ({@value #ID}); rules launched without one read {@code odirect.*} properties.
 */
public final class HandedOverSettings {
    /** The configuration parameter that names the settings of a launch. */
    public static final String ID = "odirect.settings-id";

    private static final Map<String, SuiteSettings> LAUNCHED = new ConcurrentHashMap<>();

    private HandedOverSettings() {
    }

    /** Keeps the settings until {@link #release}; returns the id a launch passes as {@value #ID}. */
    public static String handOver(SuiteSettings settings) {
        String id = UUID.randomUUID().toString();
        LAUNCHED.put(id, settings);
        return id;
    }

    public static void release(String id) {
        LAUNCHED.remove(id);
    }

    /** The settings of the launch whose configuration parameters these are. */
    static SuiteSettings of(Function<String, Optional<String>> parameters) {
        return parameters.apply(ID).map(id -> Optional.ofNullable(LAUNCHED.get(id)).orElseThrow(() ->
                        new IllegalStateException("no settings handed over as " + id + ": the launch ended")))
                .orElseGet(() -> SettingsProperties.read(parameters));
    }
}
