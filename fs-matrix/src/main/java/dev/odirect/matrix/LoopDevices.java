package dev.odirect.matrix;

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

    /** The losetup command that attaches the image with this sector size and prints the device. */
    static synchronized List<String> attach(Path image, int sector) {
        List<String> command = new ArrayList<>(List.of("losetup", "--show", "--sector-size", Integer.toString(sector)));
        if (given().isEmpty()) {
            command.add("--find");
        } else if (UNUSED.isEmpty()) {
            throw new IllegalStateException("all loop devices given in " + GIVEN + " " + given() + " are in use");
        } else {
            command.add(UNUSED.pop());
        }
        command.add(image.toString());
        return command;
    }
}
