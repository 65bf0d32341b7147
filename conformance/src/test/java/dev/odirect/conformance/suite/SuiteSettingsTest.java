package dev.odirect.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One settings record: its defaults, its properties named after the flags, and a cell's copy. */
class SuiteSettingsTest {

    @Test
    void unsetSettingsTakeTheirDefaults() {
        SuiteSettings settings = SuiteSettings.builder().build();
        assertEquals(Optional.of(URI.create(SuiteSettings.DEFAULT_STORE)), settings.store());
        assertEquals(Profile.QUICK, settings.profile());
        assertEquals(Duration.ofSeconds(SuiteSettings.DEFAULT_TIMEOUT_SECONDS), settings.timeout());
        assertEquals(new SessionLimits(settings.timeout(), SuiteSettings.DEFAULT_ADAPTER_MAX_LINE), settings.limits());
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), settings.dir());
        assertTrue(settings.seed() >= 0 && settings.seed() < 1_000_000_000L, "a seed short enough to type: " + settings.seed());
    }

    @Test
    void eachPropertyIsItsFlagsName() {
        Map<String, String> properties = Map.of("odirect.adapter", "python3 a.py", "odirect.seed", "42",
                "odirect.timeout", "5", "odirect.adapter-max-line", "1024", "odirect.not-direct", "true",
                "odirect.crash-cmd", "crash", "odirect.recover-cmd", "recover", "odirect.full-dir", "/small",
                "odirect.rule", "STREAM-1, KEY-1", "odirect.waive", "ERROR-1");
        SuiteSettings settings = SettingsProperties.read(key -> Optional.ofNullable(properties.get(key)));
        assertEquals(Optional.empty(), settings.store());
        assertEquals(Optional.of("python3 a.py"), settings.adapter());
        assertEquals(42, settings.seed());
        assertEquals(new SessionLimits(Duration.ofSeconds(5), 1024), settings.limits());
        assertTrue(settings.notDirect());
        assertEquals(Optional.of("crash"), settings.crashCmd());
        assertEquals(Optional.of("recover"), settings.recoverCmd());
        assertEquals(Optional.of(Path.of("/small")), settings.fullDir());
        assertEquals(List.of("STREAM-1", "KEY-1"), settings.rule());
        assertEquals(Set.of("ERROR-1"), settings.waive());
    }

    @Test
    void badPropertiesSayWhichAndWhatIsExpected() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> SettingsProperties.read(key -> Optional.of("soon").filter(value -> key.equals("odirect.timeout"))));
        assertEquals("odirect.timeout must be a whole number up to " + Long.MAX_VALUE + ", not 'soon'",
                notANumber.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> SuiteSettings.builder().store(URI.create("direct:///")).adapter("a").build());
        assertTrue(both.getMessage().startsWith("name exactly one store: --store"), both.getMessage());
    }

    @Test
    void aCellKeepsTheRunsSettingsAndRunsOnlyTheRulesBothAskFor() {
        SuiteSettings run = SuiteSettings.builder().seed(7L).waive(Set.of("ERROR-1"))
                .rule(List.of("STREAM-1", "KEY-1")).build();
        SuiteSettings cell = run.forCell("xfs", Path.of("/mnt/xfs"), Path.of("/out/xfs"), List.of("KEY-1", "PUT-1"),
                Optional.of("crash"), Optional.of("recover"), Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
        assertEquals(List.of("KEY-1"), cell.rule());
        assertEquals(7, cell.seed());
        assertEquals(Set.of("ERROR-1"), cell.waive());
        assertEquals(Optional.of("xfs"), cell.cell());
        assertEquals(Optional.of("crash"), cell.crashCmd());
        assertEquals("odirect matrix --cells xfs --crash shutdown --store direct:/// --profile quick --seed 7 --rule KEY-1",
                cell.replay("KEY-1"), "a cell's replay makes the cell again (crashed by command: --crash shutdown)");
    }
}
