package dev.odirect.conformance.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tools a run needs that this host lacks, by package, and what to do about them: install them
 * with apt-get (root on Debian or Ubuntu), or say the command to run and go on.
 */
public final class SetupPlan {
    /** How packages are installed: non-interactive, and nothing that was only recommended. */
    public static final List<String> APT_INSTALL = List.of("apt-get", "install", "-y", "--no-install-recommends");

    private final HostSystem host;
    private final Map<String, List<ToolNeed>> missingByPackage;
    private final List<ToolNeed> withoutPackage;

    private SetupPlan(HostSystem host, Map<String, List<ToolNeed>> missingByPackage, List<ToolNeed> withoutPackage) {
        this.host = host;
        this.missingByPackage = missingByPackage;
        this.withoutPackage = withoutPackage;
    }

    public static SetupPlan of(List<ToolNeed> needs, HostSystem host) {
        Map<String, List<ToolNeed>> byPackage = new LinkedHashMap<>();
        List<ToolNeed> unknown = new ArrayList<>();
        needs.stream().filter(need -> !host.has(need.tool())).forEach(need -> ToolPackages.packageOf(need.tool())
                .ifPresentOrElse(pkg -> byPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(need),
                        () -> unknown.add(need)));
        return new SetupPlan(host, byPackage, unknown);
    }

    public boolean complete() {
        return missingByPackage.isEmpty() && withoutPackage.isEmpty();
    }

    public List<String> packages() {
        return List.copyOf(missingByPackage.keySet());
    }

    /** Why apt-get is not run here, or empty when it is: --no-install, not root, not Debian or Ubuntu, no apt-get. */
    public Optional<String> whyNotInstalling(boolean noInstall) {
        if (missingByPackage.isEmpty()) {
            return Optional.of("no package provides them");
        }
        if (noInstall) {
            return Optional.of("--no-install");
        }
        if (!host.debianLike()) {
            return Optional.of("this is " + host.name() + ", not Debian or Ubuntu");
        }
        if (!host.has("apt-get")) {
            return Optional.of("apt-get is not installed");
        }
        return host.root() ? Optional.empty() : Optional.of("not root");
    }

    public List<String> installCommand() {
        List<String> command = new ArrayList<>(APT_INSTALL);
        command.addAll(packages());
        return command;
    }

    /** "xfsprogs (mkfs.xfs for cells xfs, xfs-4k; xfs_repair for ...), btrfs-progs (...)". */
    public String describe() {
        return missingByPackage.entrySet().stream().map(e -> e.getKey() + " (" + uses(e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** What a person runs instead, and which cells and rules wait for it; empty when nothing is missing. */
    public List<String> advice(String whyNot) {
        List<String> lines = new ArrayList<>();
        if (!missingByPackage.isEmpty()) {
            lines.add("missing " + describe() + "; not installing them (" + whyNot + ")");
            lines.add(host.debianLike() ? "  to install them, run: " + (host.root() ? "" : "sudo ") + String.join(" ", installCommand())
                    : "  install " + tools(missingByPackage.values().stream().flatMap(List::stream).toList())
                            + " with this system's package manager (Debian's packages: " + String.join(" ", packages()) + ")");
        }
        lines.addAll(unpackagedAdvice());
        return lines;
    }

    /** Tools no known package provides: the person installs them; empty when there are none. */
    public List<String> unpackagedAdvice() {
        return withoutPackage.isEmpty() ? List.of() : List.of("missing " + uses(withoutPackage)
                + ": no known package provides " + (withoutPackage.size() == 1 ? "it" : "them") + "; install "
                + tools(withoutPackage) + " yourself");
    }

    /** "mkfs.xfs for cells xfs, xfs-4k; xfs_repair for the filesystem check of crash states in cells xfs". */
    private static String uses(List<ToolNeed> needs) {
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        needs.forEach(need -> subjects.computeIfAbsent(need.tool() + " for " + need.purpose(), k -> new ArrayList<>())
                .add(need.subject()));
        return subjects.entrySet().stream().map(e -> e.getKey() + " " + String.join(", ", e.getValue().stream().distinct().toList()))
                .collect(Collectors.joining("; "));
    }

    private static String tools(List<ToolNeed> needs) {
        return needs.stream().map(ToolNeed::tool).distinct().collect(Collectors.joining(", "));
    }
}
