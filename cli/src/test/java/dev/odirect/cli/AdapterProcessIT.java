package dev.odirect.cli;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.store.TailStrategy;
import dev.odirect.store.testing.LoopFilesystem;
import dev.odirect.store.testing.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code odirect adapter} as a separate process, driven over its pipes: the note's streams and a
 * 5096-byte put with each tail strategy leave exact files, on /tmp and on xfs with 512-byte and
 * 4 KiB sectors (the last two need root and loop devices).
 */
class AdapterProcessIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int[][] STREAMS = {{4096}, {4096, 1000}, {3000}, {0, 4096, 0, 512, 0},
        {512, 1000, 2048, 4096, 8192, 7}, {8192}};

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "device sector {0} (0: the /tmp filesystem)")
    @ValueSource(ints = {0, 512, 4096})
    void streamsAndPutLeaveExactFiles(int sector) throws Exception {
        if (sector == 0) {
            driveEveryTail(tmp);
            return;
        }
        Optional<String> why = LoopFilesystem.unavailable("xfs");
        Assumptions.assumeTrue(why.isEmpty(), why.orElse(""));
        try (LoopFilesystem xfs = LoopFilesystem.create("xfs", sector, 320L << 20, List.of("-q", "-f"), "")) {
            driveEveryTail(xfs.mountPoint());
        }
    }

    private void driveEveryTail(Path base) throws Exception {
        for (TailStrategy tail : TailStrategy.values()) {
            Path root = Files.createDirectories(base.resolve(tail.name()));
            Process adapter = new ProcessBuilder("java", "-jar", System.getProperty("odirect.jar"), "adapter",
                    "--tail", tail.name()).redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "adapter-stderr.log").toFile())).start();
            try (Client client = new Client(adapter)) {
                client.ok("{\"op\":\"hello\",\"protocol\":1,\"root\":\"" + root + "\"}");
                for (int i = 0; i < STREAMS.length; i++) {
                    byte[] expected = TestData.bytes(TestData.total(STREAMS[i]), i);
                    client.ok("{\"op\":\"open\",\"key\":\"s/" + i + "\",\"handle\":\"h" + i + "\"}");
                    for (ByteBuffer chunk : TestData.chunks(expected, STREAMS[i])) {
                        client.ok("{\"op\":\"write\",\"handle\":\"h" + i + "\",\"data\":\"" + b64(chunk) + "\"}");
                    }
                    client.ok("{\"op\":\"finish\",\"handle\":\"h" + i + "\"}");
                    assertFileHolds(root.resolve("s/" + i), expected);
                }
                byte[] put = TestData.bytes(5096, 99);
                client.ok("{\"op\":\"put\",\"key\":\"put.dat\",\"data\":\"" + b64(ByteBuffer.wrap(put)) + "\"}");
                assertFileHolds(root.resolve("put.dat"), put);
                client.ok("{\"op\":\"bye\"}");
                assertTrue(adapter.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, adapter.exitValue());
            }
        }
    }

    static String b64(ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.duplicate().get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Just enough of a protocol client to drive the adapter; the conformance module has the real one. */
    static final class Client implements AutoCloseable {
        private final Process process;
        private final OutputStream requests;
        private final BufferedReader answers;

        Client(Process process) {
            this.process = process;
            this.requests = process.getOutputStream();
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        JsonNode ok(String request) throws IOException {
            requests.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
            String line = answers.readLine();
            assertTrue(line != null, "adapter closed its output after " + request.substring(0, Math.min(80, request.length())));
            JsonNode answer = JSON.readTree(line);
            assertTrue(answer.get("ok").asBoolean(), "not ok: " + line);
            return answer;
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
