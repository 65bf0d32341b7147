package dev.odirect.conformance.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A harness command given by the user or the fs-matrix (crash, recover): run with {@code sh -c},
 * with {@code ODIRECT_ROOT} set to the rule's root. A command that fails is an environment error:
 * the rule is not run, never failed for the store.
 */
public final class ShellHook {
    private ShellHook() {
    }

    public static void run(String command, Path root, String what) {
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
            builder.environment().put("ODIRECT_ROOT", root.toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new RuleNotRun("the " + what + " command did not finish in 5 minutes: " + command);
            }
            if (process.exitValue() != 0) {
                throw new RuleNotRun("the " + what + " command failed (exit " + process.exitValue() + "): "
                        + command + (output.isEmpty() ? "" : ": " + output));
            }
        } catch (IOException e) {
            throw new RuleNotRun("cannot run the " + what + " command '" + command + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the " + what + " command", e);
        }
    }
}
