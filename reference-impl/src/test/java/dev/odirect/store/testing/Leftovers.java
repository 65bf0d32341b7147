package dev.odirect.store.testing;

import java.io.IOException;
import java.nio.file.Path;

/** The loop devices and mounts a test made under a directory of its own and has not taken down. */
public final class Leftovers {
    private static final int SETTLE_TRIES = 50;
    private static final long SETTLE_MILLIS = 200;

    private Leftovers() {
    }

    /** The lines of {@code losetup -a} and {@code findmnt} that name a path under {@code dir}. */
    public static String under(Path dir) throws IOException {
        StringBuilder found = new StringBuilder();
        String lines = Commands.run("losetup", "-a") + "\n" + Commands.run("findmnt", "-rn", "-o", "TARGET");
        for (String line : lines.split("\n")) {
            if (line.contains(dir.toString())) {
                found.append(line).append('\n');
            }
        }
        return found.toString();
    }

    /**
     * The same once the kernel is done, up to 10 s: a loop device another process (udev's probe, a
     * concurrent losetup) holds open at its detach is released when that process closes it.
     */
    public static String underOnceSettled(Path dir) throws IOException {
        String left = under(dir);
        for (int i = 0; i < SETTLE_TRIES && !left.isEmpty(); i++) {
            try {
                Thread.sleep(SETTLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = under(dir);
        }
        return left;
    }
}
