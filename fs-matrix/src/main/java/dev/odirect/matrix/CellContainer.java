package dev.odirect.matrix;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One cell's container: the locally built image, the suite jar and the working directory mounted
 * read-only, a work and an out folder mounted from the host, and only the privileges the cell
 * needs (CAP_SYS_ADMIN, /dev/loop-control and the loop devices picked for it, no seccomp filter),
 * or --privileged.
 * Closing it stops the container and detaches the loop devices if the check inside could not.
 */
final class CellContainer implements AutoCloseable {
    static final String JAR = "/odirect/odirect.jar";
    static final String WORK = "/odirect/work";
    static final String OUT = "/odirect/out";
    static final String UNCONFINED_SECCOMP = "seccomp=unconfined";
    static final String FUSE = "/dev/fuse";

    private final GenericContainer<?> container;
    private final List<String> loopDevices;
    private final String privileges;
    private final boolean fuse;

    /** {@code fuse}: the cell is made on the block recorder, which serves its device through /dev/fuse. */
    CellContainer(String image, Path jar, Path work, Path out, List<String> loopDevices, boolean privileged,
                  Optional<Path> cellsFile, boolean fuse) {
        this.loopDevices = loopDevices;
        this.fuse = fuse;
        this.privileges = privileged ? "--privileged"
                : String.join(", ", Stream.of(Stream.of("CAP_SYS_ADMIN", "/dev/loop-control"), loopDevices.stream(),
                        fuse ? Stream.of(FUSE) : Stream.<String>empty()).flatMap(s -> s).toList()) + ", " + UNCONFINED_SECCOMP;
        Path cwd = Path.of("").toAbsolutePath();
        GenericContainer<?> spec = new GenericContainer<>(DockerImageName.parse(image))
                .withCommand("sleep", "infinity")
                .withFileSystemBind(jar.toString(), JAR, BindMode.READ_ONLY)
                .withFileSystemBind(cwd.toString(), cwd.toString(), BindMode.READ_ONLY)
                .withFileSystemBind(work.toString(), WORK, BindMode.READ_WRITE)
                .withFileSystemBind(out.toString(), OUT, BindMode.READ_WRITE)
                .withWorkingDirectory(cwd.toString())
                .withCreateContainerCmdModifier(cmd -> grant(cmd.getHostConfig(), privileged));
        cellsFile.ifPresent(file -> spec.withFileSystemBind(file.toAbsolutePath().toString(), "/odirect/cells.yaml",
                BindMode.READ_ONLY));
        if (!loopDevices.isEmpty()) {
            spec.withEnv(LoopDevices.GIVEN, String.join(",", loopDevices));
        }
        this.container = spec;
    }

    private void grant(HostConfig host, boolean privileged) {
        if (privileged) {
            host.withPrivileged(true);
            return;
        }
        List<Device> devices = new ArrayList<>(List.of(new Device("rwm", "/dev/loop-control", "/dev/loop-control")));
        loopDevices.forEach(device -> devices.add(new Device("rwm", device, device)));
        if (fuse) {
            devices.add(new Device("rwm", FUSE, FUSE));
        }
        // Docker's default seccomp profile predates cachestat(2) and answers ENOSYS, so DURABLE-2
        // could not run in a container; the container holds CAP_SYS_ADMIN already.
        host.withCapAdd(Capability.SYS_ADMIN).withDevices(devices).withSecurityOpts(List.of(UNCONFINED_SECCOMP));
    }

    String privileges() {
        return privileges;
    }

    void start() {
        Cleanup.register(this);
        container.start();
    }

    /** Runs a command in the container, each output line to the console with a prefix; returns its exit code. */
    long exec(List<String> command, PrintStream console, String prefix) throws IOException {
        DockerClient docker = container.getDockerClient();
        String exec = docker.execCreateCmd(container.getContainerId()).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder partial = new StringBuilder();
        try {
            docker.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        console.println(prefix + partial.substring(0, newline));
                        partial.delete(0, newline + 1);
                    }
                }
            }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the check ran in the container", e);
        }
        Long code = docker.inspectExecCmd(exec).exec().getExitCodeLong();
        return code == null ? -1 : code;
    }

    @Override
    public void close() throws IOException {
        try {
            container.stop();
        } finally {
            Cleanup.unregister(this);
            for (String device : loopDevices) {
                if (attached(device)) {
                    HostCommands.run("losetup", "-d", device);
                }
            }
        }
    }

    /** {@code losetup DEVICE} fails for a device with nothing attached. */
    static boolean attached(String device) {
        try {
            HostCommands.run("losetup", device);
            return true;
        } catch (IOException notAttached) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "container " + container.getContainerName();
    }
}
