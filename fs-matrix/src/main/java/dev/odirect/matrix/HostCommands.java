package dev.odirect.matrix;

import dev.odirect.conformance.setup.HostSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The system tools of host mode (losetup, mkfs, mount...), each failure an IOException with the tool's words. */
final class HostCommands {
    private HostCommands() {
    }

    static String run(List<String> command) throws IOException {
        Cleanup.refuseWhileClosing(String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": did not finish in 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
    }

    static String run(String... command) throws IOException {
        return run(List.of(command));
    }

    /** The file a loop device is attached to, if it is attached. */
    static Optional<Path> attachedTo(String device) {
        try {
            String backing = run("losetup", "--noheadings", "--output", "BACK-FILE", device).trim();
            return backing.isEmpty() ? Optional.empty() : Optional.of(Path.of(backing));
        } catch (IOException notAttached) {
            return Optional.empty();
        }
    }

    static Optional<Path> tool(String name) {
        return HostSystem.tool(name);
    }

    static boolean isRoot() {
        return HostSystem.isRoot();
    }
}
