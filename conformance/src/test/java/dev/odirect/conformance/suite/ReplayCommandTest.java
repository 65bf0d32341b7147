package dev.odirect.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replay lines that still work after the run: a check keeps its hooks, a cell is made again, words are quoted for sh. */
class ReplayCommandTest {
    static SuiteSettings settings(Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(Map.of(SuiteSettings.ADAPTER, "python3 my adapter.py --name 'x'",
                SuiteSettings.DIR, "/mnt/data", SuiteSettings.SEED, "42"));
        parameters.putAll(extra);
        return SuiteSettings.from(key -> Optional.ofNullable(parameters.get(key)));
    }

    @Test
    void aCheckKeepsItsDirectoryCrashHooksAndFullDirectory() {
        assertEquals("odirect check --dir /mnt/data --crash-cmd 'umount -l \"$ODIRECT_ROOT\"' --recover-cmd 'mount -a' "
                + "--full-dir /mnt/small --adapter 'python3 my adapter.py --name '\\''x'\\''' --not-direct --timeout 5 "
                + "--profile quick --seed 42 --rule DURABLE-1",
                settings(Map.of(SuiteSettings.CRASH, "umount -l \"$ODIRECT_ROOT\"", SuiteSettings.RECOVER, "mount -a",
                        SuiteSettings.FULL_DIR, "/mnt/small", SuiteSettings.DIRECT, "false", SuiteSettings.TIMEOUT, "5"))
                        .replay("DURABLE-1"));
    }

    @Test
    void aCellIsMadeAgainNeverPointedAtItsGoneMount() {
        Map<String, String> recorded = Map.of(SuiteSettings.CELL, "xfs", SuiteSettings.CRASH, "/tmp/crash",
                SuiteSettings.RECOVER, "/tmp/recover", SuiteSettings.CRASH_RECORDER, "7", SuiteSettings.STORE, "direct:///");
        Map<String, String> adapterOnly = new HashMap<>(recorded);
        adapterOnly.remove(SuiteSettings.STORE);
        assertEquals("odirect matrix --cells xfs --adapter 'python3 my adapter.py --name '\\''x'\\''' --profile quick "
                + "--seed 42 --rule DURABLE-1", settings(adapterOnly).replay("DURABLE-1"));
        adapterOnly.remove(SuiteSettings.CRASH_RECORDER);
        assertEquals("odirect matrix --cells xfs --crash shutdown --adapter 'python3 my adapter.py --name '\\''x'\\''' "
                + "--profile quick --seed 42 --rule DURABLE-1", settings(adapterOnly).replay("DURABLE-1"),
                "a crash by command, not recorder: the matrix ran with --crash shutdown");
        assertEquals("odirect matrix --adapter 'python3 my adapter.py --name '\\''x'\\''' --profile quick --seed 42 "
                + "--rule KEY-1", settings(Map.of(SuiteSettings.CELL, ReplayCommand.PLAIN_DIRECTORY)).replay("KEY-1"));
    }
}
