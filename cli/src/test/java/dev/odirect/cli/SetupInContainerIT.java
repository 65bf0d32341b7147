package dev.odirect.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.matrix.ContainerImage;
import dev.odirect.store.testing.CiProvides;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * `odirect matrix` on a Debian machine without xfsprogs installs it with apt-get first, for real: in a
 * throw-away container of the locally built cell image, from which xfsprogs is removed.
 */
class SetupInContainerIT {
    @Test
    @ResourceLock(MatrixCommandIT.CELL_CONTAINERS)
    void theMatrixInstallsTheToolsOfItsCellsWithAptAndNotWithNoInstall() throws Exception {
        boolean docker = ContainerImage.engineAnswers();
        CiProvides.require(docker, "a Docker engine that answers 'docker info' (docker.io, dockerd started)");
        String image = ContainerImage.ensure(System.out);
        String name = "odirect-setup-it-" + UUID.randomUUID().toString().substring(0, 8);
        String matrix = "java -jar /odirect.jar matrix --mode host --cells xfs --no-report";
        // the empty package lists of a new machine, so that the update-and-retry path runs too
        String script = "dpkg -r xfsprogs >/dev/null && rm -rf /var/lib/apt/lists/* && "
                + matrix + " --no-install --out /tmp/a | head -3; echo \"with --no-install: $(command -v mkfs.xfs)\"; "
                + matrix + " --out /tmp/b | head -3; echo \"after: $(command -v mkfs.xfs)\"";
        Process run = new ProcessBuilder("docker", "run", "--rm", "--name", name, "-v", System.getProperty("odirect.jar") + ":/odirect.jar:ro",
                image, "sh", "-c", script).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertTrue(run.waitFor(10, TimeUnit.MINUTES), output);
        } finally {
            // gone already when it ended (--rm); this is for a run that timed out
            new ProcessBuilder("docker", "rm", "-f", name).redirectErrorStream(true).start().waitFor(1, TimeUnit.MINUTES);
        }
        List<String> lines = output.lines().toList();
        assertTrue(lines.contains("odirect matrix: missing xfsprogs (mkfs.xfs for cells xfs; xfs_repair for the "
                + "filesystem check of crash states in cells xfs); not installing them (--no-install)"), output);
        assertTrue(lines.contains("with --no-install: "), output);
        assertTrue(lines.contains("odirect matrix: installing xfsprogs (mkfs.xfs for cells xfs; xfs_repair for the "
                + "filesystem check of crash states in cells xfs): apt-get install -y --no-install-recommends xfsprogs"), output);
        assertTrue(lines.contains("odirect matrix: installed xfsprogs"), output);
        assertTrue(lines.contains("after: /usr/sbin/mkfs.xfs"), output);
        assertFalse(output.contains("failed (exit"), output);
    }
}
