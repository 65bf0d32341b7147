package dev.odirect.conformance.suite;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings from {@code odirect.*} properties (JUnit configuration parameters, which include system
 * properties), for rules launched by a JUnit engine rather than by {@code odirect check}: each
 * property is its flag's name, {@code -Dodirect.crash-cmd=...} for {@code --crash-cmd}.
 */
public final class SettingsProperties {
    private SettingsProperties() {
    }

    public static SuiteSettings read(Function<String, Optional<String>> properties) {
        Reader read = new Reader(properties);
        SuiteSettings.Builder settings = SuiteSettings.builder();
        read.text(SuiteSettings.STORE).map(URI::create).ifPresent(settings::store);
        read.text(SuiteSettings.ADAPTER).ifPresent(settings::adapter);
        read.text(SuiteSettings.DIR).map(Path::of).ifPresent(settings::dir);
        read.text(SuiteSettings.PROFILE).map(Profile::parse).ifPresent(settings::profile);
        read.text(SuiteSettings.SEED).map(seed -> read.wholeNumber(SuiteSettings.SEED, seed, Long.MAX_VALUE))
                .ifPresent(settings::seed);
        read.text(SuiteSettings.TIMEOUT).map(seconds -> read.wholeNumber(SuiteSettings.TIMEOUT, seconds, Long.MAX_VALUE))
                .map(Duration::ofSeconds).ifPresent(settings::timeout);
        read.text(SuiteSettings.ADAPTER_MAX_LINE)
                .map(bytes -> read.wholeNumber(SuiteSettings.ADAPTER_MAX_LINE, bytes, Integer.MAX_VALUE))
                .ifPresent(bytes -> settings.adapterMaxLine(bytes.intValue()));
        read.text(SuiteSettings.NOT_DIRECT).map(Boolean::parseBoolean).ifPresent(settings::notDirect);
        read.text(SuiteSettings.WAIVE).map(ids -> Set.copyOf(ids(ids))).ifPresent(settings::waive);
        read.text(SuiteSettings.OUT).map(Path::of).ifPresent(settings::out);
        read.text(SuiteSettings.RULE).map(SettingsProperties::ids).ifPresent(settings::rule);
        settings.crashCmd(read.text(SuiteSettings.CRASH_CMD));
        settings.recoverCmd(read.text(SuiteSettings.RECOVER_CMD));
        settings.fullDir(read.text(SuiteSettings.FULL_DIR).map(Path::of));
        return settings.build();
    }

    private static List<String> ids(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    private record Reader(Function<String, Optional<String>> properties) {
        Optional<String> text(String flag) {
            return properties.apply(SuiteSettings.property(flag));
        }

        long wholeNumber(String flag, String value, long max) {
            try {
                long number = Long.parseLong(value.trim());
                if (number <= max) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // said below
            }
            throw new IllegalArgumentException(SuiteSettings.property(flag) + " must be a whole number up to " + max
                    + ", not '" + value + "'");
        }
    }
}
