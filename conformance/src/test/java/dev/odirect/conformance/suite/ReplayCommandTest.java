package dev.odirect.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replay lines that still work after the run: a check keeps its hooks, a cell is made again, words are quoted for sh. */
class ReplayCommandTest {
    static SuiteSettings.Builder settings() {
        return SuiteSettings.builder().adapter("python3 my adapter.py --name 'x'").dir(Path.of("/mnt/data")).seed(42L);
    }

    @Test
    void aCheckKeepsItsDirectoryCrashHooksAndFullDirectory() {
        assertEquals("odirect check --dir /mnt/data --crash-cmd 'umount -l \"$ODIRECT_ROOT\"' --recover-cmd 'mount -a' "
                + "--full-dir /mnt/small --adapter 'python3 my adapter.py --name '\\''x'\\''' --not-direct --timeout 5 "
                + "--profile quick --seed 42 --rule DURABLE-1",
                settings().crashCmd(Optional.of("umount -l \"$ODIRECT_ROOT\"")).recoverCmd(Optional.of("mount -a"))
                        .fullDir(Optional.of(Path.of("/mnt/small"))).notDirect(true).timeout(Duration.ofSeconds(5)).build()
                        .replay("DURABLE-1"));
    }

    @Test
    void aCellIsMadeAgainNeverPointedAtItsGoneMount() {
        SuiteSettings.Builder recorded = settings().cell("xfs").crashCmd(Optional.of("/tmp/crash"))
                .recoverCmd(Optional.of("/tmp/recover")).crashRecorder(Optional.of("7"));
        assertEquals("odirect matrix --cells xfs --adapter 'python3 my adapter.py --name '\\''x'\\''' --profile quick "
                + "--seed 42 --rule DURABLE-1", recorded.build().replay("DURABLE-1"));
        assertEquals("odirect matrix --cells xfs --crash shutdown --adapter 'python3 my adapter.py --name '\\''x'\\''' "
                + "--profile quick --seed 42 --rule DURABLE-1", recorded.crashRecorder(Optional.empty()).build().replay("DURABLE-1"),
                "a crash by command, not recorder: the matrix ran with --crash shutdown");
        assertEquals("odirect matrix --adapter 'python3 my adapter.py --name '\\''x'\\''' --profile quick --seed 42 "
                + "--rule KEY-1", settings().cell(ReplayCommand.PLAIN_DIRECTORY).build().replay("KEY-1"));
        assertEquals("odirect matrix --cells xfs --store direct:/// --profile quick --seed 42 --rule KEY-1",
                SuiteSettings.builder().store(URI.create("direct:///")).seed(42L).cell("xfs").build().replay("KEY-1"));
        assertEquals("odirect matrix --mode host --cells xfs --store direct:/// --profile quick --seed 42 --rule KEY-1",
                SuiteSettings.builder().store(URI.create("direct:///")).seed(42L).cell("xfs").matrixMode("host").build()
                        .replay("KEY-1"), "made on the host, replayed on the host (auto would pick containers where Docker runs)");
    }
}
