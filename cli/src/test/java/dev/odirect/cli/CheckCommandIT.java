package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odirect.store.testing.Commands;
import dev.odirect.store.testing.LoopFilesystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code odirect check} as users run it, for the reference store in process, the reference store
 * behind {@code odirect adapter}, and the GNU dd adapter: every MUST rule passes on tmpfs, on xfs
 * with 4 KiB sectors (with a real crash hook, so DURABLE-1 runs) and on ext4.
 */
class CheckCommandIT {
    static final String JAR = System.getProperty("odirect.jar");
    static final Path DD_ADAPTER = Path.of("..", "examples", "dd-adapter", "dd_adapter.py").toAbsolutePath().normalize();

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tmpfs", "xfs-4k", "ext4"})
    void everyStoreKindPassesOn(String filesystem) throws Exception {
        if (filesystem.equals("tmpfs")) {
            assumeTrue(Files.isDirectory(Path.of("/dev/shm")), "not run: no /dev/shm");
            Path dir = Files.createTempDirectory(Path.of("/dev/shm"), "odirect-it-");
            try {
                checkAll(dir, List.of());
            } finally {
                Commands.run("rm", "-rf", dir.toString());
            }
            return;
        }
        String type = filesystem.startsWith("xfs") ? "xfs" : "ext4";
        Optional<String> why = LoopFilesystem.unavailable(type);
        assumeTrue(why.isEmpty(), why.orElse(""));
        int sector = filesystem.equals("xfs-4k") ? 4096 : 512;
        List<String> mkfs = type.equals("xfs") ? List.of("-q", "-f") : List.of("-q", "-F", "-b", "4096");
        try (LoopFilesystem fs = LoopFilesystem.create(type, sector, 320L << 20, mkfs, "")) {
            String mnt = fs.mountPoint().toString();
            checkAll(fs.newDirectory("work"), List.of("--crash-cmd", "xfs_io -x -c shutdown " + mnt,
                    "--recover-cmd", "umount " + mnt + " && mount " + fs.device() + " " + mnt));
        }
    }

    private void checkAll(Path dir, List<String> hooks) throws Exception {
        String self = "java -jar " + JAR + " adapter";
        check("store", dir, hooks, "--store", "direct:///");
        check("adapter", dir, hooks, "--adapter", self);
        if (Commands.tool("python3").isPresent()) {
            check("dd", dir, hooks, "--adapter", "python3 " + DD_ADAPTER);
        }
    }

    private void check(String name, Path dir, List<String> hooks, String... target) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR, "check", "--dir", dir.toString(), "--seed", "3",
                "--out", out.resolve(name).toString()));
        command.addAll(List.of(target));
        command.addAll(hooks);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), name + " on " + dir + ":\n" + output);
        assertTrue(output.contains(" 0 failed"), output);
        if (!hooks.isEmpty()) {
            assertTrue(output.contains("PASS DURABLE-1"), "the crash rule ran: " + output);
        }
    }
}
