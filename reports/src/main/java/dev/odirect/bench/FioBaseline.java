package dev.odirect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** fio in the same directory with the same block size: the baseline every store number is divided by. */
final class FioBaseline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FioBaseline() {
    }

    static boolean available() {
        return List.of("/usr/bin/fio", "/usr/local/bin/fio").stream().anyMatch(p -> Files.isExecutable(Path.of(p)));
    }

    /** MB/s of one sequential write of {@code sizeMiB} in blocks of {@code blockSize}, direct or buffered, fsynced at the end. */
    static double sequentialWrite(Path dir, int blockSize, int sizeMiB, boolean direct) throws IOException {
        Process fio = new ProcessBuilder("fio", "--name=seqwrite", "--directory=" + dir, "--filename=odirect-fio.dat",
                "--rw=write", "--bs=" + blockSize, "--size=" + sizeMiB + "M", "--direct=" + (direct ? 1 : 0),
                "--ioengine=psync", "--end_fsync=1", "--output-format=json").redirectErrorStream(false).start();
        String output = new String(fio.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(fio.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!fio.waitFor(10, TimeUnit.MINUTES) || fio.exitValue() != 0) {
                throw new IOException("fio failed in " + dir + ": " + errors.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fio ran", e);
        } finally {
            Files.deleteIfExists(dir.resolve("odirect-fio.dat"));
        }
        JsonNode write = JSON.readTree(output.substring(output.indexOf('{'))).path("jobs").path(0).path("write");
        return write.path("bw_bytes").asDouble() / (1 << 20);
    }
}
