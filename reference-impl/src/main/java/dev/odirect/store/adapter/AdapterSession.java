package dev.odirect.store.adapter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.spi.Outcome;
import dev.odirect.store.DirectIoVerdict;
import dev.odirect.store.DirectStores;
import dev.odirect.store.IoMode;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.StoreVersion;
import dev.odirect.store.spi.Outcomes;
import dev.odirect.store.spi.ReferenceSession;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Protocol version 1 over a {@link ReferenceSession}: JSON requests in, JSON answers out. */
final class AdapterSession {
    static final String NAME = "odirect-reference";
    /** {@code get_range} declares the optional ranged get, which is not an op of its own. */
    static final List<String> OPS = List.of("hello", "put", "open", "write", "finish", "abort", "get", "get_range",
            "delete", "bye");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final StoreConfig config;
    private ReferenceSession session;

    AdapterSession(StoreConfig config) {
        this.config = config;
    }

    /** Answers one request; an {@link AdapterError} becomes the {@code ok:false} answer. */
    ObjectNode answer(Request request) throws AdapterError {
        String op = request.op();
        if (op.equals("hello")) {
            return hello(request);
        }
        if (op.equals("bye")) {
            return ok();
        }
        if (!OPS.contains(op) || op.equals("get_range")) {
            throw new AdapterError(Outcomes.EUNSUPPORTED, "op '" + op + "' is not offered; ops: " + OPS);
        }
        if (session == null) {
            throw new AdapterError(Outcomes.EPROTO, "no session: send hello with protocol 1 and a root first");
        }
        Outcome outcome = switch (op) {
            case "put" -> session.put(request.text("key"), request.data());
            case "open" -> session.open(request.text("key"), request.text("handle"));
            case "write" -> session.write(request.text("handle"), request.data());
            case "finish" -> session.finish(request.text("handle"));
            case "abort" -> session.abort(request.text("handle"));
            case "get" -> session.get(request.text("key"), request.optionalCount("offset"), request.optionalCount("length"));
            case "delete" -> session.delete(request.text("key"));
            default -> throw new AdapterError(Outcomes.EUNSUPPORTED, "op '" + op + "' is not offered");
        };
        if (!outcome.ok()) {
            throw new AdapterError(outcome.code(), outcome.message());
        }
        ObjectNode answer = ok();
        if (op.equals("get")) {
            answer.put("data", Base64.getEncoder().encodeToString(outcome.data()));
        } else if (op.equals("put") || op.equals("finish")) {
            describeWrite(answer);
        }
        return answer;
    }

    /** Gives up every open writer; the session is over. */
    void end() {
        if (session != null) {
            session.close();
        }
    }

    private ObjectNode hello(Request request) throws AdapterError {
        if (request.requiredLong("protocol") != 1) {
            throw new AdapterError(Outcomes.EPROTO, "protocol " + request.json().get("protocol")
                    + " is not supported: this adapter speaks protocol 1");
        }
        Path root = Path.of(request.text("root"));
        if (!root.isAbsolute() || !Files.isDirectory(root)) {
            throw new AdapterError(root.isAbsolute() ? "ENOENT" : "EINVAL",
                    "root must be an absolute path to an existing directory: " + root);
        }
        end();
        String scheme = config.mode() == IoMode.DIRECT ? "direct" : "file";
        session = new ReferenceSession(DirectStores.open(URI.create(scheme + "://" + root.toUri().getRawPath()), config));
        ObjectNode answer = ok().put("protocol", 1).put("name", NAME).put("version", StoreVersion.get());
        OPS.forEach(answer.putArray("ops")::add);
        // objects are written to a temporary file and renamed into place when finished
        answer.putArray("promises").add("atomic_visibility");
        return answer;
    }

    /** How the bytes went: information a client may ignore. */
    private void describeWrite(ObjectNode answer) {
        session.lastWrite().ifPresent(result -> {
            DirectIoVerdict verdict = result.directIo();
            answer.put("size", result.size()).put("direct_bytes", result.bytesDirect())
                    .put("buffered_bytes", result.bytesBuffered())
                    .put("direct_io", verdict.kind().name().toLowerCase(Locale.ROOT));
            verdict.reason().ifPresent(reason -> answer.put(verdict.oDirect() ? "not_verified" : "fallback", reason));
        });
    }

    private static ObjectNode ok() {
        return JSON.objectNode().put("ok", true);
    }
}
