package dev.odirect.cli;

import dev.odirect.conformance.run.ExitStatus;
import dev.odirect.matrix.StateReplay;
import dev.odirect.matrix.blocks.BlockLog;
import dev.odirect.matrix.blocks.DmLogWrites;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "crash-state", mixinStandardHelpOptions = true, versionProvider = Odirect.Version.class,
        description = {"Mount one crash state of a kept block log again, to look at what a failing DURABLE rule saw "
                + "(a failure prints this command with its arguments), or export the log for xfstests' replay-log.",
                "Needs root, a loop device and /dev/fuse. The state stays mounted until Enter (or end of input)."})
final class CrashStateCommand implements Callable<Integer> {
    @Option(names = "--log", required = true, paramLabel = "FILE", description = "The block log (CELL.blocks in the cell's results).")
    Path log;

    @Option(names = "--state", paramLabel = "SPEC", description = "The state as the failure names it (durableEnd/extra/torn/point).")
    String state;

    @Option(names = "--fs", defaultValue = "ext4", paramLabel = "TYPE", description = "Filesystem type (default: ${DEFAULT-VALUE}).")
    String fs;

    @Option(names = "--sector", defaultValue = "512", paramLabel = "BYTES", description = "Loop device sector size (default: ${DEFAULT-VALUE}).")
    int sector;

    @Option(names = "--size", defaultValue = "256m", converter = ByteSizeConverter.class, paramLabel = "SIZE",
            description = "The device size of the cell (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--options", defaultValue = "", paramLabel = "OPTS", description = "Mount options (xfs needs none beyond the cell's).")
    String options;

    @Option(names = "--mount", defaultValue = "/mnt/odirect-state", paramLabel = "DIR", description = "Where to mount it (default: ${DEFAULT-VALUE}).")
    Path mount;

    @Option(names = "--dm-log-writes", paramLabel = "FILE",
            description = "Instead of mounting: write the whole log in dm-log-writes format to FILE (replay-log --log FILE).")
    Path export;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(log)) {
            System.err.println("odirect crash-state: no block log at " + log + " (a failing cell keeps CELL.blocks in its results)");
            return ExitStatus.ERROR;
        }
        if (export != null) {
            try (BlockLog opened = BlockLog.open(log)) {
                int entries = DmLogWrites.export(opened, export);
                System.out.println("wrote " + entries + " entries in dm-log-writes format to " + export);
            }
            return 0;
        }
        if (state == null) {
            System.err.println("odirect crash-state: name the state with --state (or export with --dm-log-writes FILE)");
            return ExitStatus.ERROR;
        }
        String mountOptions = fs.equals("xfs") ? (options.isEmpty() ? "nouuid" : options + ",nouuid") : options;
        try (StateReplay replay = StateReplay.mount(log, state, new StateReplay.Where(fs, sector, size, mountOptions, mount))) {
            System.out.println("crash state " + state + " of " + log + " is mounted at " + mount + "; press Enter to take it down");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        return 0;
    }
}
