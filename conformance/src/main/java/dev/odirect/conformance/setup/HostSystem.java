package dev.odirect.conformance.setup;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What decides how missing tools are provided: whether we are root, which system this is
 * (os-release's ID and ID_LIKE) and where its tools are. Tests give their own.
 */
public record HostSystem(boolean root, Map<String, String> osRelease, List<Path> toolDirs) {
    /** Where system tools are looked for, whatever PATH says (root's sbin directories included). */
    public static final List<Path> TOOL_DIRS = List.of(Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"),
            Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"), Path.of("/bin"));
    private static final List<Path> OS_RELEASE = List.of(Path.of("/etc/os-release"), Path.of("/usr/lib/os-release"));

    public static HostSystem current() {
        String release = OS_RELEASE.stream().filter(Files::isReadable).findFirst().map(HostSystem::read).orElse("");
        return new HostSystem(isRoot(), parseOsRelease(release), TOOL_DIRS);
    }

    /** A system tool in {@link #TOOL_DIRS}. */
    public static Optional<Path> tool(String name) {
        return find(name, TOOL_DIRS);
    }

    public static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    /** os-release's KEY=value lines, quotes removed. */
    public static Map<String, String> parseOsRelease(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> fields.put(key, unquoted(properties.getProperty(key).trim())));
        return fields;
    }

    public Optional<Path> find(String tool) {
        return find(tool, toolDirs);
    }

    private static Optional<Path> find(String tool, List<Path> dirs) {
        return dirs.stream().map(dir -> dir.resolve(tool)).filter(Files::isExecutable).findFirst();
    }

    public boolean has(String tool) {
        return find(tool).isPresent();
    }

    /** Debian, Ubuntu or a system that says it is like one of them (os-release ID or ID_LIKE). */
    public boolean debianLike() {
        String ids = osRelease.getOrDefault("ID", "") + " " + osRelease.getOrDefault("ID_LIKE", "");
        return Arrays.stream(ids.split("\\s+")).anyMatch(id -> id.equals("debian") || id.equals("ubuntu"));
    }

    /** How the system names itself, for messages: "fedora", or "an unknown system". */
    public String name() {
        return osRelease.getOrDefault("ID", "an unknown system");
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            return "";
        }
    }
}
