package dev.odirect.conformance.verify;

import dev.odirect.conformance.setup.HostSystem;
import dev.odirect.conformance.setup.ToolNeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Page-cache residency of a file, as util-linux {@code fincore} reports it. */
public final class PageCache {
    private static final String FINCORE = "fincore";
    /** What the page-cache rules need of the host. */
    public static final ToolNeed NEED = new ToolNeed(FINCORE, "the page-cache rules", "DIRECT-1, DIRECT-2");

    private PageCache() {
    }

    public static boolean observable() {
        return HostSystem.tool(FINCORE).isPresent();
    }

    /** Bytes of the file resident in the page cache, or empty when fincore is missing or fails. */
    public static Optional<Long> residentBytes(Path file) {
        Optional<Path> fincore = HostSystem.tool(FINCORE);
        if (fincore.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(fincore.get().toString(), "--bytes", "--noheadings", "--raw",
                    "--output", "RES", file.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(out));
        } catch (IOException | NumberFormatException failed) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
