package dev.odirect.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own that opens a writer on a store, streams chunks into it and waits to be killed
 * in the middle of the stream: a process that dies as a crash or a SIGKILL makes it die.
 */
final class WriterProcess implements AutoCloseable {
    static final String STREAMING = "streaming";
    /** The object the child puts after the stream's chunks. */
    static final String AFTER = "after-the-stream";
    private final Process process;

    private WriterProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts the child and returns once {@code mib} MiB are written to the open writer for {@code key}
     * and a put of {@link #AFTER} has synced them to the disk.
     */
    static WriterProcess start(Path root, Staging staging, String key, int mib) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WriterProcess.class.getName(), root.toString(), staging.name(), key, Integer.toString(mib))
                .redirectErrorStream(true).start();
        WriterProcess child = new WriterProcess(process);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(STREAMING)) {
                return child;
            }
            seen.append(line).append('\n');
        }
        child.close();
        throw new IOException("the writer process ended before streaming: " + seen);
    }

    /** SIGKILL, as the kernel ends a process that crashed or was killed: no finally, no shutdown hook. */
    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException("the writer process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while killing the writer process", e);
        }
    }

    public static void main(String[] args) throws Exception {
        DirectStore store = Staging.valueOf(args[1]).open(Path.of(args[0]));
        ObjectWriter writer = store.openWriter(args[2]);
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < Integer.parseInt(args[3]); i++) {
            Arrays.fill(chunk, (byte) i);
            writer.writeChunk(ByteBuffer.wrap(chunk));
        }
        // its syncs take the open stream's file to the disk with them
        store.put(AFTER, ByteBuffer.wrap(chunk));
        System.out.println(STREAMING);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
