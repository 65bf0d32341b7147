package dev.odirect.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Which loop device an image goes on: any free one on a host; inside a container only the devices
 * the container was given exist, and {@value #GIVEN} lists them.
 */
final class LoopDevices {
    /** Environment variable: the loop devices this process may use, comma separated. */
    static final String GIVEN = "ODIRECT_LOOP_DEVICES";
    private static final Deque<String> UNUSED = new ArrayDeque<>(given());

    private LoopDevices() {
    }

    static List<String> given() {
        String list = System.getenv(GIVEN);
        return list == null || list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).toList();
    }

    /** Tries of an attach: each later one waits {@value #RETRY_MILLIS} ms longer than the one before. */
    private static final int ATTACH_TRIES = 5;
    private static final long RETRY_MILLIS = 200;

    /**
     * Attaches the image with this sector size and returns its device. Another process attaching or
     * detaching a loop device at the same moment can make losetup fail (the free device it picked was
     * taken, or is still being released): it is tried again a few times before the cell is given up.
     */
    static String attachImage(Path image, int sector) throws IOException {
        for (int tried = 1; ; tried++) {
            List<String> command = attach(image, sector);
            try {
                return HostCommands.run(command);
            } catch (IOException failed) {
                release(command.get(DEVICE_ARGUMENT));
                if (tried == ATTACH_TRIES) {
                    throw failed;
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS * tried);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while attaching " + image, e);
            }
        }
    }

    /** The losetup command that attaches the image with this sector size and prints the device. */
    private static synchronized List<String> attach(Path image, int sector) throws IOException {
        if (given().isEmpty()) {
            return losetup("--find", image, sector);
        }
        if (UNUSED.isEmpty()) {
            throw new IOException("all loop devices given in " + GIVEN + " " + given() + " are in use");
        }
        return losetup(UNUSED.pop(), image, sector);
    }

    /** A device detached again may be used again (inside a container, where there are only the given ones). */
    static synchronized void release(String device) {
        if (given().contains(device) && !UNUSED.contains(device)) {
            UNUSED.push(device);
        }
    }

    /** The losetup command that attaches the image to this device again (after a crash). */
    static List<String> attachTo(String device, Path image, int sector) {
        return losetup(device, image, sector);
    }

    /** Where {@link #losetup} puts the device, or {@code --find}. */
    private static final int DEVICE_ARGUMENT = 4;

    private static List<String> losetup(String device, Path image, int sector) {
        return List.of("losetup", "--show", "--sector-size", Integer.toString(sector), device, image.toString());
    }

    /**
     * Loop devices of this host with nothing attached, for a container that makes a cell: the highest
     * numbered, since other tools attach images to the lowest free ones.
     */
    static List<String> free(int count) throws IOException {
        HostCommands.run("losetup", "--find"); // makes a free device when there is none
        List<String> free = new ArrayList<>();
        for (int n = 0; Files.exists(Path.of("/dev/loop" + n)); n++) {
            if (!CellContainer.attached("/dev/loop" + n)) {
                free.add(0, "/dev/loop" + n);
            }
        }
        if (free.size() < count) {
            throw new IOException("the cell needs " + count + " free loop devices, the host has " + free);
        }
        return List.copyOf(free.subList(0, count));
    }
}
