package dev.odirect.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.odirect.store.testing.Commands;
import dev.odirect.store.testing.SmallMemoryProbe;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small puts must not need a full-size buffer each (direct memory is freed only by the garbage
 * collector), and a get that runs out of memory must not keep its descriptor. Checked in a JVM
 * with 32 MiB of direct memory and 64 MiB of heap.
 */
class SmallMemoryTest {
    private static final long LARGER_THAN_THE_HEAP = 256L << 20;

    @TempDir
    Path root;

    @Test
    void smallCallsFitInLittleDirectMemoryAndAGetOutOfMemoryClosesItsFile() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Services often run with explicit GC disabled: then nothing frees direct memory but an ordinary collection.
        String output = Commands.run(java, "-Xmx64m", "-XX:MaxDirectMemorySize=32m", "-XX:+DisableExplicitGC",
                "-cp", System.getProperty("java.class.path"), SmallMemoryProbe.class.getName(), root.toString(),
                Long.toString(LARGER_THAN_THE_HEAP));
        String[] words = output.strip().lines().reduce((first, last) -> last).orElse("").split(" ");
        assertEquals("out-of-memory 5", words[0] + " " + words[1], output);
        assertEquals(words[3], words[4], "open descriptors before and after five gets that ran out of memory: " + output);
    }
}
