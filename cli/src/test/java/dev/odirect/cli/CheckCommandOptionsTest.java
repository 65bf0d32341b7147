package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.conformance.suite.SuiteSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The flags of `odirect check` fill the settings of the same names; the unset ones keep the settings' defaults. */
class CheckCommandOptionsTest {

    SuiteSettings parse(String... args) {
        CheckCommand check = new CheckCommand();
        new CommandLine(check).parseArgs(args);
        return check.settings();
    }

    @Test
    void everyFlagSetsItsSetting() {
        SuiteSettings settings = parse("--adapter", "python3 a.py", "--dir", "/tmp", "--seed", "42", "--profile",
                "thorough", "--adapter-timeout", "5", "--adapter-max-line", "1m", "--not-direct", "--waive",
                "ERROR-1, DURABLE-1", "--rule", "STREAM-1", "--crash-cmd", "crash", "--recover-cmd", "recover",
                "--full-dir", "/small", "--out", "/results");
        assertEquals(Optional.of("python3 a.py"), settings.adapter());
        assertEquals(Path.of("/tmp"), settings.dir());
        assertEquals(42, settings.seed());
        assertEquals("THOROUGH", settings.profile().name());
        assertEquals(Duration.ofSeconds(5), settings.timeout());
        assertEquals(1 << 20, settings.adapterMaxLine());
        assertTrue(settings.notDirect());
        assertEquals(Set.of("ERROR-1", "DURABLE-1"), settings.waive());
        assertEquals(List.of("STREAM-1"), settings.rule());
        assertEquals(Optional.of("crash"), settings.crashCmd());
        assertEquals(Optional.of("recover"), settings.recoverCmd());
        assertEquals(Optional.of(Path.of("/small")), settings.fullDir());
        assertEquals(Path.of("/results"), settings.out());
    }

    @Test
    void withoutFlagsTheSettingsDefaultsHold() {
        SuiteSettings defaults = SuiteSettings.builder().build();
        SuiteSettings settings = parse();
        assertEquals(defaults.store(), settings.store());
        assertEquals(defaults.dir(), settings.dir());
        assertEquals(defaults.profile(), settings.profile());
        assertEquals(defaults.limits(), settings.limits());
        assertEquals(false, settings.notDirect());
    }
}
