package dev.odirect.store.testing;

import dev.odirect.store.DirectStore;
import dev.odirect.store.DirectStores;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a JVM with little heap and direct memory: many small puts and gets, then gets too large
 * for the heap. Prints the number of open descriptors before and after; exits non-zero on a failure.
 */
public final class SmallMemoryProbe {
    public static final int SMALL_CALLS = 200;

    private SmallMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long largeObject = Long.parseLong(args[1]);
        try (DirectStore store = DirectStores.open(URI.create("direct://" + root))) {
            byte[] small = TestData.bytes(100, 7);
            for (int i = 0; i < SMALL_CALLS; i++) {
                store.put("small-" + i, ByteBuffer.wrap(small));
                store.get("small-" + i);
            }
            try (RandomAccessFile sparse = new RandomAccessFile(root.resolve("large").toFile(), "rw")) {
                sparse.setLength(largeObject);
            }
            long before = openDescriptors();
            int outOfMemory = 0;
            for (int i = 0; i < 5; i++) {
                try {
                    store.get("large");
                } catch (OutOfMemoryError expected) {
                    outOfMemory++;
                }
            }
            System.out.println("out-of-memory " + outOfMemory + " descriptors " + before + " " + openDescriptors());
        }
    }

    private static long openDescriptors() throws Exception {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
