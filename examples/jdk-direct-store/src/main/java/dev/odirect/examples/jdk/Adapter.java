package dev.odirect.examples.jdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A store adapter (protocol version 1, docs/adapter-protocol.md) for an O_DIRECT store written on
 * the JDK alone: FileChannel with ExtendedOpenOption.DIRECT. Usage:
 * {@code odirect matrix --adapter 'java -jar examples/jdk-direct-store/target/jdk-direct-store.jar'}.
 */
public final class Adapter {
    private static final List<String> OPS = List.of("hello", "put", "open", "write", "finish", "abort", "get",
            "get_range", "delete", "bye");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DirectFileStore store;
    private final Map<String, DirectWriter> writers = new HashMap<>();

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && !List.of("--help", "-h").contains(args[0])) {
            System.err.println("jdk-direct-store: takes no options (it serves the adapter protocol on stdin/stdout); see --help");
            System.exit(2);
        }
        if (args.length > 0) {
            System.out.println("usage: java -jar jdk-direct-store.jar   (serves the odirect adapter protocol, docs/adapter-protocol.md, on stdin/stdout)");
            return;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Adapter adapter = new Adapter();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode request = null;
            ObjectNode response = JSON.createObjectNode().put("ok", true);
            try {
                request = JSON.readTree(line);
                response.setAll(adapter.answer(request));
            } catch (StoreFailure failure) {
                response.put("ok", false).put("error", failure.code).put("message", failure.getMessage());
            } catch (JsonProcessingException notJson) {
                response.put("ok", false).put("error", "EPROTO").put("message", "not JSON: " + notJson.getOriginalMessage());
            } catch (IOException error) {
                StoreFailure failure = StoreFailure.of(error);
                response.put("ok", false).put("error", failure.code).put("message", failure.getMessage());
            }
            out.println(JSON.writeValueAsString(response));
            out.flush();
            if (request != null && "bye".equals(request.path("op").asText())) {
                break;
            }
        }
        adapter.abortAll();
    }

    private ObjectNode answer(JsonNode request) throws IOException, StoreFailure {
        String op = text(request, "op");
        ObjectNode fields = JSON.createObjectNode();
        if (!OPS.contains(op)) {
            throw new StoreFailure("EUNSUPPORTED", "op " + op + " is not offered");
        }
        if (op.equals("hello")) {
            return hello(request);
        }
        if (store == null && !op.equals("bye")) {
            throw new StoreFailure("EPROTO", "send hello first");
        }
        switch (op) {
            case "put" -> store.put(text(request, "key"), data(request));
            case "open" -> open(text(request, "handle"), text(request, "key"));
            case "write" -> {
                String handle = text(request, "handle");
                DirectWriter writer = writer(handle);
                failsTheStream(handle, writer, () -> writer.write(ByteBuffer.wrap(data(request))));
            }
            case "finish" -> {
                String handle = text(request, "handle");
                DirectWriter writer = writer(handle);
                writers.remove(handle);
                failsTheStream(handle, writer, writer::finish);
            }
            case "abort" -> {
                String handle = text(request, "handle");
                writer(handle).close();
                writers.remove(handle);
            }
            case "get" -> fields.put("data", store.get(text(request, "key"), request.path("offset").asLong(0),
                    request.hasNonNull("length") ? request.get("length").asLong() : null));
            case "delete" -> store.delete(text(request, "key"));
            default -> { } // bye
        }
        return fields;
    }

    private ObjectNode hello(JsonNode request) throws IOException, StoreFailure {
        if (request.path("protocol").asInt() != 1) {
            throw new StoreFailure("EPROTO", "only protocol 1");
        }
        Path root = Path.of(text(request, "root"));
        if (!root.isAbsolute() || !Files.isDirectory(root)) {
            throw new StoreFailure("ENOENT", "root must be an existing absolute directory: " + root);
        }
        abortAll();
        store = new DirectFileStore(root);
        ObjectNode hello = JSON.createObjectNode().put("protocol", 1).put("name", "jdk-direct-store")
                .put("version", "0.1 (JDK " + Runtime.version() + ")");
        OPS.forEach(hello.putArray("ops")::add);
        hello.putArray("promises").add("atomic_visibility");
        return hello;
    }

    private void open(String handle, String key) throws IOException, StoreFailure {
        if (writers.containsKey(handle)) {
            throw new StoreFailure("EINVAL", "handle " + handle + " is already open");
        }
        writers.put(handle, store.open(key));
    }

    private interface StreamStep {
        void run() throws IOException, StoreFailure;
    }

    /** A stream that failed once is given up (its handle is dead): no later answer for it may be ok. */
    private void failsTheStream(String handle, DirectWriter writer, StreamStep step) throws IOException, StoreFailure {
        try {
            step.run();
        } catch (IOException | StoreFailure | RuntimeException failure) {
            writers.remove(handle, writer);
            writer.close();
            throw failure;
        }
    }

    private DirectWriter writer(String handle) throws StoreFailure {
        DirectWriter writer = writers.get(handle);
        if (writer == null) {
            throw new StoreFailure("EBADHANDLE", "no open handle " + handle + " (never opened, finished or aborted)");
        }
        return writer;
    }

    private void abortAll() throws IOException {
        for (DirectWriter writer : writers.values()) {
            writer.close();
        }
        writers.clear();
    }

    private static String text(JsonNode request, String field) throws StoreFailure {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual()) {
            throw new StoreFailure("EPROTO", "field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static byte[] data(JsonNode request) throws StoreFailure {
        try {
            return Base64.getDecoder().decode(text(request, "data"));
        } catch (IllegalArgumentException bad) {
            throw new StoreFailure("EPROTO", "data is not base64: " + bad.getMessage());
        }
    }
}
