package dev.odirect.matrix;

import dev.odirect.conformance.setup.ToolPackages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The image cells run in, built here because no registry is reachable: debootstrap a minimal
 * Debian with a JRE and the filesystem tools, then {@code docker import} it. Tagged with a hash of
 * the recipe, so it is built once and reused until the recipe changes; also tagged
 * {@value #LOCAL}, the tiny image Testcontainers is pointed at instead of pulling one.
 */
public final class ContainerImage {
    public static final String NAME = "odirect-cell";
    public static final String LOCAL = NAME + ":local";
    static final String SUITE = "bookworm";
    static final List<String> PACKAGES = List.of("openjdk-17-jre-headless", "xfsprogs", "btrfs-progs", "e2fsprogs",
            "util-linux", "mount", "python3", "coreutils");

    private ContainerImage() {
    }

    public static String tag() {
        String recipe = SUITE + " " + String.join(",", PACKAGES) + " v1";
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(recipe.getBytes(StandardCharsets.UTF_8));
            return NAME + ":" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The image name, built first if this machine does not have it yet. */
    public static String ensure(PrintStream console) throws IOException {
        String tag = tag();
        if (exists(tag)) {
            HostCommands.run("docker", "tag", tag, LOCAL);
            return tag;
        }
        if (HostCommands.tool("debootstrap").isEmpty()) {
            throw new IOException("the cell image " + tag + " is not built and " + ToolPackages.notInstalled("debootstrap"));
        }
        Path rootfs = Files.createTempDirectory(Path.of("/var/tmp"), "odirect-rootfs-");
        try {
            console.println("odirect matrix: building the cell image " + tag + " with debootstrap (about a minute, once)...");
            HostCommands.run("debootstrap", "--variant=minbase", "--include=" + String.join(",", PACKAGES), SUITE,
                    rootfs.toString(), mirror());
            console.println("odirect matrix: importing it into Docker...");
            HostCommands.run("sh", "-c", "tar -C '" + rootfs + "' -c . | docker import - " + tag);
            HostCommands.run("docker", "tag", tag, LOCAL);
            return tag;
        } finally {
            HostCommands.run("rm", "-rf", "--one-file-system", rootfs.toString());
        }
    }

    static boolean exists(String image) {
        try {
            HostCommands.run("docker", "image", "inspect", image);
            return true;
        } catch (IOException absent) {
            return false;
        }
    }

    /** ODIRECT_DEBIAN_MIRROR, else the first Debian URI of this machine's apt sources, else deb.debian.org. */
    static String mirror() {
        String chosen = System.getenv("ODIRECT_DEBIAN_MIRROR");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/etc/apt/sources.list.d/debian.sources"))) {
                if (line.startsWith("URIs:") && !line.contains("security")) {
                    return line.substring(5).trim().split("\\s+")[0];
                }
            }
        } catch (IOException noSources) {
            // the default below
        }
        return "http://deb.debian.org/debian";
    }

    /** Whether a Docker engine answers here (auto mode uses containers then). */
    public static boolean engineAnswers() {
        if (HostCommands.tool("docker").isEmpty()) {
            return false;
        }
        try {
            Process info = new ProcessBuilder("docker", "info", "--format", "{{.ServerVersion}}").redirectErrorStream(true).start();
            info.getInputStream().readAllBytes();
            return info.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && info.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
