package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.run.ExitStatus;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code odirect check} as users run it, for the reference store in process, the reference store
 * behind {@code odirect adapter}, and the GNU dd adapter: every MUST rule passes on tmpfs, on xfs
 * with 4 KiB sectors (with a real crash hook, so DURABLE-1 runs) and on ext4, the rules that cannot
 * run there waived (see {@link #everyStoreKindPassesOn} for which store runs where).
 * And the gate's verdicts: what it did not prove is named, never passed.
 */
@Execution(ExecutionMode.CONCURRENT)
@Order(Order.DEFAULT + 1) // the other end of the order from ExampleStoresIT
class CheckCommandIT {
    static final String JAR = System.getProperty("odirect.jar");
    /** The launcher users run, which starts the adapter's JVM from a class-data archive. */
    static final Path LAUNCHER = Path.of("..", "odirect").toAbsolutePath().normalize();
    static final Path DD_ADAPTER = Path.of("..", "examples", "dd-adapter", "dd_adapter.py").toAbsolutePath().normalize();

    @TempDir
    Path out;

    /** A finished check: its exit status and what it printed. */
    record Run(int exit, String output) {
        String lastLine() {
            List<String> lines = output.lines().toList();
            return lines.get(lines.size() - 1);
        }

        String countLine() {
            List<String> lines = output.lines().toList();
            return lines.get(lines.size() - 2);
        }
    }

    /**
     * The in-process store on every filesystem; the stores behind an adapter, which start a process
     * per session (a JVM's start is most of their time), where they differ most: the 4 KiB-sector
     * xfs with a real crash, and tmpfs for the dd adapter, which has no O_DIRECT of its own there.
     * Each case has a filesystem of its own, so the cases run at once.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"store, tmpfs", "dd, tmpfs", "store, xfs-4k", "adapter, xfs-4k", "dd, xfs-4k", "store, ext4"})
    void everyStoreKindPassesOn(String kind, String filesystem) throws Exception {
        String[] target = switch (kind) {
            case "store" -> new String[] {"--store", "direct:///"};
            case "adapter" -> new String[] {"--adapter", LAUNCHER + " adapter"};
            default -> {
                assumeTrue(Commands.tool("python3").isPresent(), "not run: the dd adapter needs python3");
                yield new String[] {"--adapter", "python3 " + DD_ADAPTER};
            }
        };
        if (filesystem.equals("tmpfs")) {
            assumeTrue(Files.isDirectory(Path.of("/dev/shm")), "not run: no /dev/shm");
            Path dir = Files.createTempDirectory(Path.of("/dev/shm"), "odirect-it-");
            try {
                passes(kind, dir, List.of("--waive", "DURABLE-1,ERROR-1,ERROR-3"), target);
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
            passes(kind, fs.newDirectory("work"), List.of("--waive", "ERROR-1,ERROR-3", "--crash-cmd", "xfs_io -x -c shutdown " + mnt,
                    "--recover-cmd", "umount " + mnt + " && mount " + fs.device() + " " + mnt), target);
        }
    }

    private void passes(String name, Path dir, List<String> options, String... target) throws Exception {
        // the report step is the same for every store; the quick checks below keep it
        List<String> arguments = new ArrayList<>(List.of("--dir", dir.toString(), "--seed", "3", "--no-report"));
        arguments.addAll(List.of(target));
        arguments.addAll(options);
        Run run = check(name, arguments.toArray(String[]::new));
        assertEquals(ExitStatus.PROVEN, run.exit(), name + " on " + dir + ":\n" + run.output());
        assertTrue(run.countLine().matches("\\d+ passed, 0 failed, \\d+ warned, \\d+ skipped"), run.output());
        assertTrue(run.lastLine().startsWith("passed: ") && run.lastLine().contains("; waived: "), run.output());
        if (options.contains("--crash-cmd")) {
            assertTrue(run.output().matches("(?s).*\\nPASS +DURABLE-1 .*"), "the crash rule ran: " + run.output());
        }
    }

    private Run check(String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR, "check", "--out", out.resolve(name).toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES));
        return new Run(process.exitValue(), output);
    }

    /** The in-process reference store on a scratch directory, a few rules: the verdicts, not the store, are tested. */
    private Run quickCheck(String name, String... arguments) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(out.resolve(name + "-dir"));
        List<String> all = new ArrayList<>(List.of("--dir", dir.toString(), "--seed", "3"));
        all.addAll(List.of(arguments));
        return check(name, all.toArray(String[]::new));
    }

    @Test
    void withoutACrashHookTheStoreIsNotProvenAndTheLastLineSaysWhy() throws Exception {
        Run run = quickCheck("no-hook", "--store", "direct:///", "--rule", "STREAM-2,DURABLE-1");
        assertEquals(ExitStatus.NOT_PROVEN, run.exit(), run.output());
        assertEquals("1 passed, 0 failed, 0 warned, 1 skipped", run.countLine(), run.output());
        assertTrue(run.lastLine().startsWith("not proven: DURABLE-1 (no crash hook")
                && run.lastLine().endsWith("; waive with --waive DURABLE-1"), run.output());
        assertTrue(run.output().contains("\nNOT RUN DURABLE-1 "), run.output());
    }

    @Test
    void waivedRulesDoNotBlockAndAreListedInTheLastLineAndTheSummary() throws Exception {
        Run run = quickCheck("waived", "--store", "direct:///", "--rule", "STREAM-2,DURABLE-1,ERROR-1",
                "--waive", "DURABLE-1,ERROR-1");
        assertEquals(ExitStatus.PROVEN, run.exit(), run.output());
        assertTrue(run.lastLine().endsWith("; waived: DURABLE-1 (not run), ERROR-1 (not run)"), run.output());
        var summary = new ObjectMapper().readTree(out.resolve("waived/summary.json").toFile());
        assertEquals("passed", summary.path("verdict").asText());
        assertEquals("[\"DURABLE-1\",\"ERROR-1\"]", summary.path("waived").toString());
    }

    @Test
    void aRuleFilterThatSelectsNothingRunnableIsAnError() throws Exception {
        Run run = quickCheck("nothing", "--store", "direct:///", "--rule", "DURABLE-1");
        assertEquals(ExitStatus.ERROR, run.exit(), run.output());
        assertTrue(run.lastLine().startsWith("error: no rule ran: DURABLE-1 not run (no crash hook"), run.output());
    }

    @Test
    void anUnknownWaiverIsAUsageError() throws Exception {
        Run run = quickCheck("unknown", "--store", "direct:///", "--waive", "DURABLE-9");
        assertEquals(ExitStatus.ERROR, run.exit(), run.output());
        assertTrue(run.output().contains("unknown rule [DURABLE-9] in --waive"), run.output());
    }

    @Test
    void aMustRuleTheStoreDoesNotOfferIsNotApplicableAndDoesNotBlock() throws Exception {
        // the reference adapter with abort struck from the ops it declares at hello
        Path noAbort = Files.writeString(out.resolve("no-abort.sh"),
                "java -jar " + JAR + " adapter | sed -u 's/\"abort\",//'\n");
        Run run = quickCheck("no-abort", "--adapter", "sh " + noAbort, "--rule", "STREAM-2,ABORT-1");
        assertEquals(ExitStatus.PROVEN, run.exit(), run.output());
        assertTrue(run.output().contains("\nN/A     ABORT-1       MUST ") && run.output().contains("does not offer abort"),
                run.output());
        assertEquals("passed: every MUST rule passed or was not applicable", run.lastLine(), run.output());
    }
}
