package dev.odirect.cli;

import dev.odirect.conformance.setup.HostSetup;
import dev.odirect.conformance.setup.HostSystem;
import dev.odirect.conformance.setup.ToolNeed;
import java.util.List;
import picocli.CommandLine.Option;

/** `--no-install`, and the set-up it turns off: the tools a command needs, installed before it runs. */
final class InstallOption {
    @Option(names = HostSetup.NO_INSTALL_OPTION, description = "Do not install missing tools. By default, as root on "
            + "Debian or Ubuntu, the packages of the tools the chosen cells and rules need (xfsprogs, btrfs-progs, fio...) "
            + "are installed with apt-get first; elsewhere, and with this option, the command to run is printed.")
    boolean noInstall;

    void provide(String command, List<ToolNeed> needs) {
        HostSetup.provide("odirect " + command, needs, noInstall, HostSystem.current(), System.out);
    }
}
