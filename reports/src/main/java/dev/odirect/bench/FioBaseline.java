package dev.odirect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.conformance.setup.HostSystem;
import dev.odirect.conformance.setup.ToolNeed;
import dev.odirect.conformance.setup.ToolPackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * fio in the same directory with the same block size and the same bytes as one streamed object: the
 * baseline every store number is divided by. Its MB/s include the final fsync ({@code end_fsync}), as the
 * store's include its finish.
 */
final class FioBaseline {
    private static final String FIO = "fio";
    static final String NOT_INSTALLED = ToolPackages.notInstalled(FIO);
    /** What the baseline needs of the host. */
    static final ToolNeed NEED = new ToolNeed(FIO, "the baseline of", "odirect bench");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * fio's sequential writes with {@code direct=1}: one write at a time as the store issues them, and
     * four in flight through io_uring, which is what the device gives a single writer at most.
     */
    enum Job implements AlternatingRounds.Side {
        PSYNC_IODEPTH_1("psync", 1), IO_URING_IODEPTH_4("io_uring", 4);

        private final String engine;
        private final int iodepth;

        Job(String engine, int iodepth) {
            this.engine = engine;
            this.iodepth = iodepth;
        }

        @Override
        public String label() {
            return "fio direct=1 " + engine + " iodepth " + iodepth;
        }
    }

    private FioBaseline() {
    }

    static boolean available() {
        return HostSystem.tool(FIO).isPresent();
    }

    /** MB/s of one sequential direct write of {@code sizeMiB} in blocks of {@code blockSize}, fsynced at the end. */
    static double direct(Path dir, int blockSize, int sizeMiB, Job job) throws IOException {
        return sequentialWrite(dir, blockSize, sizeMiB, true, job);
    }

    /** The same through the page cache, one write at a time. */
    static double buffered(Path dir, int blockSize, int sizeMiB) throws IOException {
        return sequentialWrite(dir, blockSize, sizeMiB, false, Job.PSYNC_IODEPTH_1);
    }

    private static double sequentialWrite(Path dir, int blockSize, int sizeMiB, boolean direct, Job job) throws IOException {
        HostWriteback.flush();
        Process fio = new ProcessBuilder("fio", "--name=seqwrite", "--directory=" + dir, "--filename=odirect-fio.dat",
                "--rw=write", "--bs=" + blockSize, "--size=" + sizeMiB + "M", "--direct=" + (direct ? 1 : 0),
                "--ioengine=" + job.engine, "--iodepth=" + job.iodepth, "--end_fsync=1", "--output-format=json")
                .redirectErrorStream(false).start();
        String output = new String(fio.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(fio.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!fio.waitFor(10, TimeUnit.MINUTES)) {
                fio.destroyForcibly();
                throw failure(job, dir, "no answer in 10 minutes");
            }
            if (fio.exitValue() != 0 || !output.contains("{")) {
                throw failure(job, dir, errors.isBlank() ? "exit status " + fio.exitValue() : errors);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fio ran", e);
        } finally {
            Files.deleteIfExists(dir.resolve("odirect-fio.dat"));
        }
        JsonNode job0 = JSON.readTree(output.substring(output.indexOf('{'))).path("jobs").path(0);
        if (job0.path("error").asInt() != 0) {
            throw failure(job, dir, "error " + job0.path("error").asInt() + " " + errors);
        }
        return job0.path("write").path("bw_bytes").asDouble() / (1 << 20);
    }

    private static Failed failure(Job job, Path dir, String errors) {
        return new Failed(job, dir, errors.trim().replaceAll("\\s*\\n\\s*", "; "));
    }

    /** A fio run that failed, with fio's complaint on one line: the reason a comparison gives for not running it. */
    static final class Failed extends IOException {
        private final String why;

        private Failed(Job job, Path dir, String why) {
            super(job.label() + " failed in " + dir + ": " + why);
            this.why = why;
        }

        String why() {
            return why;
        }
    }
}
