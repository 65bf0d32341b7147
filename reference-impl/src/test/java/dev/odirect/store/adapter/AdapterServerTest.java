package dev.odirect.store.adapter;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.testing.Commands;
import dev.odirect.store.testing.SmallTmpfs;
import dev.odirect.store.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server driven through its streams: one answer per request, in order, errors included. */
class AdapterServerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    List<JsonNode> session(String... requests) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String input = String.join("\n", requests) + "\n";
        int status = new AdapterServer(StoreConfig.defaults())
                .serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        assertEquals(0, status);
        List<JsonNode> answers = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }

    String hello() {
        return hello(root);
    }

    static String hello(Path root) {
        return "{\"op\":\"hello\",\"protocol\":1,\"root\":\"" + root + "\"}";
    }

    static String b64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /** Each answer as "ok" or its error code. */
    static List<String> codes(List<JsonNode> answers) {
        return answers.stream().map(a -> a.get("ok").asBoolean() ? "ok" : a.get("error").asText()).toList();
    }

    @Test
    void helloAnswersNameVersionAndEveryOp() throws IOException {
        JsonNode hello = session(hello()).get(0);
        assertTrue(hello.get("ok").asBoolean());
        assertEquals(1, hello.get("protocol").asInt());
        assertEquals("odirect-reference", hello.get("name").asText());
        assertEquals(AdapterServer.OPS.size(), hello.get("ops").size());
    }

    @Test
    void theNotesHybridStreamLeavesAll5096Bytes() throws IOException {
        byte[] data = TestData.bytes(5096, 1);
        List<JsonNode> answers = session(hello(),
                "{\"op\":\"open\",\"key\":\"stream/hybrid.dat\",\"handle\":\"w1\"}",
                "{\"op\":\"write\",\"handle\":\"w1\",\"data\":\"" + b64(Arrays.copyOfRange(data, 0, 4096)) + "\"}",
                "{\"op\":\"write\",\"handle\":\"w1\",\"data\":\"\"}",
                "{\"op\":\"write\",\"handle\":\"w1\",\"data\":\"" + b64(Arrays.copyOfRange(data, 4096, 5096)) + "\"}",
                "{\"op\":\"finish\",\"handle\":\"w1\"}",
                "{\"op\":\"get\",\"key\":\"stream/hybrid.dat\",\"offset\":4000,\"length\":200}",
                "{\"op\":\"bye\"}");
        assertEquals(8, answers.size());
        answers.forEach(a -> assertTrue(a.get("ok").asBoolean(), a.toString()));
        assertEquals(5096, answers.get(5).get("size").asLong());
        assertTrue(List.of("direct", "direct_not_verified").contains(answers.get(5).path("direct_io").asText()),
                answers.get(5).toString());
        assertEquals(b64(Arrays.copyOfRange(data, 4000, 4200)), answers.get(6).get("data").asText());
        assertFileHolds(root.resolve("stream/hybrid.dat"), data);
    }

    /** tmpfs accepts O_DIRECT and keeps the bytes in the page cache: the answer must not claim direct I/O. */
    @Test
    void aPutOnTmpfsAnswersThatDirectIoIsNotVerified() throws IOException {
        assumeTrue(Commands.isRoot(), "not run: needs root to mount a tmpfs");
        try (SmallTmpfs tmpfs = SmallTmpfs.mount("16m")) {
            JsonNode put = session(hello(tmpfs.mountPoint()),
                    "{\"op\":\"put\",\"key\":\"k\",\"data\":\"" + b64(TestData.bytes(8192, 4)) + "\"}").get(1);
            assertEquals("direct_not_verified", put.path("direct_io").asText(), put.toString());
            assertTrue(put.path("not_verified").asText().contains("tmpfs"), put.toString());
            assertFalse(put.has("fallback"), put.toString());
        }
    }

    @Test
    void badRequestsGetTheirCodesAndTheServerKeepsServing() throws IOException {
        List<JsonNode> answers = session(
                "{\"op\":\"put\",\"key\":\"early\",\"data\":\"\"}",
                hello(),
                "this is not json",
                "[1,2]",
                "{\"no_op\":1}",
                "{\"op\":\"teleport\"}",
                "{\"op\":\"put\",\"key\":\"k\",\"data\":\"***\"}",
                "{\"op\":\"put\",\"key\":\"k\",\"data\":\"QUJD\"}",
                "{\"op\":\"write\",\"handle\":\"nobody\",\"data\":\"\"}",
                "{\"op\":\"put\",\"key\":\"../escape\",\"data\":\"\"}",
                "{\"op\":\"put\",\"key\":\"/abs\",\"data\":\"\"}",
                "{\"op\":\"get\",\"key\":\"missing\"}",
                "{\"op\":\"delete\",\"key\":\"missing\"}",
                "{\"op\":\"hello\",\"protocol\":2,\"root\":\"" + root + "\"}",
                "{\"op\":\"get\",\"key\":\"k\"}");
        List<String> codes = codes(answers);
        assertEquals(List.of("EPROTO", "ok", "EPROTO", "EPROTO", "EPROTO", "EUNSUPPORTED", "EPROTO", "ok",
                "EBADHANDLE", "EINVAL", "EINVAL", "ENOENT", "ENOENT", "EPROTO", "ok"), codes);
        assertEquals("QUJD", answers.get(14).get("data").asText());
        assertFalse(Files.exists(root.getParent().resolve("escape")));
    }

    /** A symlinked directory opened with O_DIRECTORY | O_NOFOLLOW is ENOTDIR; a symlink opened with O_NOFOLLOW is ELOOP. */
    @Test
    void keysThroughSymlinksGetTheKernelsCodeAndNothingOutsideChanges(@TempDir Path outside) throws IOException {
        byte[] secret = TestData.bytes(100, 3);
        Files.write(outside.resolve("secret"), secret);
        Files.createSymbolicLink(root.resolve("evil"), outside);
        Files.createSymbolicLink(root.resolve("obj"), outside.resolve("secret"));
        List<JsonNode> answers = session(hello(),
                "{\"op\":\"put\",\"key\":\"evil/planted\",\"data\":\"QUJD\"}",
                "{\"op\":\"open\",\"key\":\"evil/planted\",\"handle\":\"h\"}",
                "{\"op\":\"get\",\"key\":\"evil/secret\"}",
                "{\"op\":\"get\",\"key\":\"evil/secret\",\"offset\":1,\"length\":10}",
                "{\"op\":\"delete\",\"key\":\"evil/secret\"}",
                "{\"op\":\"put\",\"key\":\"obj\",\"data\":\"QUJD\"}",
                "{\"op\":\"open\",\"key\":\"obj\",\"handle\":\"g\"}",
                "{\"op\":\"get\",\"key\":\"obj\"}",
                "{\"op\":\"delete\",\"key\":\"obj\"}");
        assertEquals(List.of("ok", "ENOTDIR", "ENOTDIR", "ENOTDIR", "ENOTDIR", "ENOTDIR",
                "ELOOP", "ELOOP", "ELOOP", "ELOOP"), codes(answers));
        try (var entries = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret")), entries.toList());
        }
        assertFileHolds(outside.resolve("secret"), secret);
        assertTrue(Files.isSymbolicLink(root.resolve("evil")) && Files.isSymbolicLink(root.resolve("obj")));
    }

    @Test
    void finishedAndAbortedHandlesAreBadHandles() throws IOException {
        List<JsonNode> answers = session(hello(),
                "{\"op\":\"open\",\"key\":\"a\",\"handle\":\"h\"}",
                "{\"op\":\"open\",\"key\":\"b\",\"handle\":\"h\"}",
                "{\"op\":\"finish\",\"handle\":\"h\"}",
                "{\"op\":\"write\",\"handle\":\"h\",\"data\":\"QUJD\"}",
                "{\"op\":\"finish\",\"handle\":\"h\"}",
                "{\"op\":\"open\",\"key\":\"c\",\"handle\":\"g\"}",
                "{\"op\":\"abort\",\"handle\":\"g\"}",
                "{\"op\":\"write\",\"handle\":\"g\",\"data\":\"\"}");
        List<String> codes = codes(answers);
        assertEquals(List.of("ok", "ok", "EINVAL", "ok", "EBADHANDLE", "EBADHANDLE", "ok", "ok", "EBADHANDLE"), codes);
        assertEquals(0, Files.size(root.resolve("a")));
        assertFalse(Files.exists(root.resolve("c")));
    }

    @Test
    void endOfInputAbortsOpenWriters() throws IOException {
        session(hello(), "{\"op\":\"open\",\"key\":\"left\",\"handle\":\"h\"}",
                "{\"op\":\"write\",\"handle\":\"h\",\"data\":\"QUJD\"}");
        try (var files = Files.list(root)) {
            assertEquals(0, files.count(), "nothing left after the session ends with a writer open");
        }
    }
}
