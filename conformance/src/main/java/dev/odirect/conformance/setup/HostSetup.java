package dev.odirect.conformance.setup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Provides the tools a command needs before it runs: as root on Debian or Ubuntu it installs the
 * missing packages with apt-get, saying what and why first; elsewhere, or with --no-install, it
 * prints the command to run. Either way the command goes on: what still lacks a tool is not run, with the reason.
 */
public final class HostSetup {
    /** The option that keeps commands from installing anything. */
    public static final String NO_INSTALL_OPTION = "--no-install";
    private static final long APT_TIMEOUT_MINUTES = 15;
    private static final int APT_LINES_SHOWN = 25;

    private HostSetup() {
    }

    /** {@code command} prefixes every line ("odirect matrix"). */
    public static void provide(String command, List<ToolNeed> needs, boolean noInstall, HostSystem host,
                               PrintStream console) {
        SetupPlan plan = SetupPlan.of(needs, host);
        if (plan.complete()) {
            return;
        }
        Optional<String> whyNot = plan.whyNotInstalling(noInstall);
        if (whyNot.isPresent()) {
            plan.advice(whyNot.get()).forEach(line -> console.println(command + ": " + line));
            return;
        }
        List<String> install = plan.installCommand();
        console.println(command + ": installing " + plan.describe() + ": " + String.join(" ", install));
        AptRun run = apt(install);
        if (!run.succeeded()) {
            // a new machine's package lists may be empty or stale: fetch them once and try again
            AptRun update = apt(List.of("apt-get", "update"));
            run = update.succeeded() ? update.then(apt(install)) : update;
        }
        if (run.succeeded()) {
            console.println(command + ": installed " + String.join(" ", plan.packages()));
        } else {
            console.println(command + ": " + run.command() + " failed (" + run.failure()
                    + "); going on without them: those cells and rules will not run, and say why. apt-get said:");
            run.output().lines().skip(Math.max(0, run.output().lines().count() - APT_LINES_SHOWN))
                    .forEach(line -> console.println("  " + line));
        }
        plan.unpackagedAdvice().forEach(line -> console.println(command + ": " + line));
    }

    private record AptRun(String command, String failure, String output) {
        boolean succeeded() {
            return failure.isEmpty();
        }

        /** The next run, with this one's output before its own (apt-get update's warnings explain a failed install). */
        AptRun then(AptRun next) {
            return new AptRun(next.command, next.failure, output + next.output);
        }
    }

    private static AptRun apt(List<String> command) {
        String line = String.join(" ", command);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(APT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new AptRun(line, "did not finish in " + APT_TIMEOUT_MINUTES + " minutes", output);
            }
            return new AptRun(line, process.exitValue() == 0 ? "" : "exit " + process.exitValue(), output);
        } catch (IOException failed) {
            return new AptRun(line, failed.getMessage(), "");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new AptRun(line, "interrupted", "");
        }
    }
}
