package dev.odirect.store.adapter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.store.DirectStore;
import dev.odirect.store.DirectStores;
import dev.odirect.store.IoMode;
import dev.odirect.store.ObjectWriter;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.StoreVersion;
import dev.odirect.store.WriteResult;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The reference store behind protocol version 1: one session's store and open handles. */
final class AdapterSession {
    static final String NAME = "odirect-reference";
    static final List<String> OPS = List.of("hello", "put", "open", "write", "finish", "abort", "get", "delete", "bye");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final StoreConfig config;
    private final Map<String, ObjectWriter> handles = new LinkedHashMap<>();
    private DirectStore store;

    AdapterSession(StoreConfig config) {
        this.config = config;
    }

    /** Answers one request; an {@link AdapterError} becomes the {@code ok:false} answer. */
    ObjectNode answer(Request request) throws Exception {
        String op = request.op();
        if (!op.equals("hello") && !op.equals("bye") && OPS.contains(op) && store == null) {
            throw new AdapterError(AdapterError.EPROTO, "no session: send hello with protocol 1 and a root first");
        }
        return switch (op) {
            case "hello" -> hello(request);
            case "put" -> written(store.put(request.text("key"), request.data()));
            case "open" -> open(request.text("key"), request.text("handle"));
            case "write" -> write(request);
            case "finish" -> written(release(request.text("handle")).finish());
            case "abort" -> abort(request.text("handle"));
            case "get" -> get(request);
            case "delete" -> delete(request.text("key"));
            case "bye" -> ok();
            default -> throw new AdapterError(AdapterError.EUNSUPPORTED, "op '" + op + "' is not offered; ops: " + OPS);
        };
    }

    /** Gives up every open writer; the session is over. */
    void end() {
        for (ObjectWriter writer : handles.values()) {
            try {
                writer.close();
            } catch (Exception ignored) {
                // the session is ending; an abort that fails leaves only a hidden temporary file
            }
        }
        handles.clear();
    }

    private ObjectNode hello(Request request) throws AdapterError {
        if (request.requiredLong("protocol") != 1) {
            throw new AdapterError(AdapterError.EPROTO, "protocol " + request.json().get("protocol")
                    + " is not supported: this adapter speaks protocol 1");
        }
        Path root = Path.of(request.text("root"));
        if (!root.isAbsolute() || !Files.isDirectory(root)) {
            throw new AdapterError(root.isAbsolute() ? "ENOENT" : "EINVAL",
                    "root must be an absolute path to an existing directory: " + root);
        }
        end();
        String scheme = config.mode() == IoMode.DIRECT ? "direct" : "file";
        store = DirectStores.open(URI.create(scheme + "://" + root.toUri().getRawPath()), config);
        ObjectNode answer = ok().put("protocol", 1).put("name", NAME).put("version", StoreVersion.get());
        OPS.forEach(answer.putArray("ops")::add);
        return answer;
    }

    private ObjectNode open(String key, String handle) throws Exception {
        if (handles.containsKey(handle)) {
            throw new AdapterError("EINVAL", "handle '" + handle + "' is already open");
        }
        handles.put(handle, store.openWriter(key));
        return ok();
    }

    private ObjectNode write(Request request) throws Exception {
        ObjectWriter writer = writer(request.text("handle"));
        writer.writeChunk(request.data());
        return ok();
    }

    private ObjectNode abort(String handle) throws Exception {
        release(handle).abort();
        return ok();
    }

    private ObjectNode get(Request request) throws Exception {
        String key = request.text("key");
        OptionalLong offset = request.optionalCount("offset");
        OptionalLong length = request.optionalCount("length");
        ByteBuffer data = offset.isEmpty() && length.isEmpty()
                ? store.get(key)
                : store.get(key, offset.orElse(0), (int) Math.min(Integer.MAX_VALUE, length.orElse(Integer.MAX_VALUE)));
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return ok().put("data", Base64.getEncoder().encodeToString(bytes));
    }

    private ObjectNode delete(String key) throws Exception {
        store.delete(key);
        return ok();
    }

    private ObjectWriter writer(String handle) throws AdapterError {
        ObjectWriter writer = handles.get(handle);
        if (writer == null) {
            throw new AdapterError(AdapterError.EBADHANDLE, "no open handle '" + handle + "' (never opened, finished or aborted)");
        }
        return writer;
    }

    /** The handle dies when finish or abort answers, whatever the answer. */
    private ObjectWriter release(String handle) throws AdapterError {
        ObjectWriter writer = writer(handle);
        handles.remove(handle);
        return writer;
    }

    /** ok, plus how the bytes went: information a client may ignore. */
    private static ObjectNode written(WriteResult result) {
        ObjectNode answer = ok().put("size", result.size()).put("direct_bytes", result.bytesDirect())
                .put("buffered_bytes", result.bytesBuffered());
        result.fallbackReason().ifPresent(reason -> answer.put("fallback", reason));
        return answer;
    }

    private static ObjectNode ok() {
        return JSON.objectNode().put("ok", true);
    }
}
