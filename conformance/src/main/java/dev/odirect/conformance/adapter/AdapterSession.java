package dev.odirect.conformance.adapter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.conformance.suite.SessionLimits;
import dev.odirect.spi.Capability;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The client side of the store adapter protocol, version {@value #PROTOCOL}: one adapter process per session,
 * {@code hello} first, one JSON line per request and per answer, {@code bye} at the end. Anything
 * that is not the protocol breaks the session with a message that says what came instead.
 */
public final class AdapterSession implements StoreSession {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());

    /** The protocol version this client speaks: hello asks for it, and the adapter must answer it. */
    static final int PROTOCOL = 1;

    /** The entry of hello's optional {@code promises} list that declares {@link Capability#ATOMIC_VISIBILITY}. */
    public static final String ATOMIC_VISIBILITY = "atomic_visibility";

    private final AdapterProcess process;
    private final SessionLimits limits;
    private final StoreInfo info;

    private AdapterSession(AdapterProcess process, SessionLimits limits, StoreInfo info) {
        this.process = process;
        this.limits = limits;
        this.info = info;
    }

    /** Starts the adapter and says hello; {@code direct} is what the user says the store does. */
    public static AdapterSession start(String command, Path root, SessionLimits limits, boolean direct) throws IOException {
        AdapterProcess process = new AdapterProcess(command, limits);
        try {
            ObjectNode hello = JSON.createObjectNode().put("op", "hello").put("protocol", PROTOCOL).put("root", root.toString());
            String line = process.exchange(JSON.writeValueAsString(hello), "hello", limits.timeout());
            JsonNode answer = parse(process, line, "hello");
            if (!answer.get("ok").asBoolean()) {
                throw process.broken("it refused hello: " + answer.path("error").asText() + " " + answer.path("message").asText());
            }
            requireProtocol(process, answer);
            return new AdapterSession(process, limits, infoOf(answer, direct));
        } catch (RuntimeException | IOException failed) {
            process.close();
            throw failed;
        }
    }

    private static void requireProtocol(AdapterProcess process, JsonNode hello) {
        JsonNode protocol = hello.get("protocol");
        if (protocol == null || !protocol.isInt() || protocol.intValue() != PROTOCOL) {
            String answered = protocol == null ? "without a protocol version" : "with protocol " + protocol;
            throw process.broken("it answered hello " + answered + ", but this suite speaks protocol " + PROTOCOL
                    + ": answer hello with \"protocol\":" + PROTOCOL);
        }
    }

    static StoreInfo infoOf(JsonNode hello, boolean direct) {
        Set<Capability> offers = EnumSet.noneOf(Capability.class);
        for (JsonNode op : hello.path("ops")) {
            String name = op.asText().toLowerCase(Locale.ROOT);
            if (name.equals("abort")) {
                offers.add(Capability.ABORT);
            } else if (name.equals("delete")) {
                offers.add(Capability.DELETE);
            } else if (name.contains("range")) {
                offers.add(Capability.RANGED_GET);
            }
        }
        for (JsonNode promise : hello.path("promises")) {
            if (promise.asText().equalsIgnoreCase(ATOMIC_VISIBILITY)) {
                offers.add(Capability.ATOMIC_VISIBILITY);
            }
        }
        if (direct) {
            offers.add(Capability.DIRECT_IO);
        }
        return new StoreInfo(hello.path("name").asText("unnamed adapter"), hello.path("version").asText("?"), offers);
    }

    public StoreInfo info() {
        return info;
    }

    /** What the adapter wrote to stderr so far. */
    public String stderr() {
        return process.stderr();
    }

    @Override
    public Outcome put(String key, byte[] data) {
        return call(request("put").put("key", key).put("data", Base64.getEncoder().encodeToString(data)));
    }

    @Override
    public Outcome open(String key, String handle) {
        return call(request("open").put("key", key).put("handle", handle));
    }

    @Override
    public Outcome write(String handle, byte[] chunk) {
        return call(request("write").put("handle", handle).put("data", Base64.getEncoder().encodeToString(chunk)));
    }

    @Override
    public Outcome finish(String handle) {
        return call(request("finish").put("handle", handle));
    }

    @Override
    public Outcome abort(String handle) {
        return call(request("abort").put("handle", handle));
    }

    @Override
    public Outcome get(String key, OptionalLong offset, OptionalLong length) {
        ObjectNode get = request("get").put("key", key);
        offset.ifPresent(value -> get.put("offset", value));
        length.ifPresent(value -> get.put("length", value));
        return call(get);
    }

    @Override
    public Outcome delete(String key) {
        return call(request("delete").put("key", key));
    }

    /** Says bye (briefly: a broken adapter is not waited for) and ends the process. */
    @Override
    public void close() {
        try {
            if (process.exitValue().isEmpty()) {
                process.exchange("{\"op\":\"bye\"}", "bye", Duration.ofSeconds(2));
            }
        } catch (RuntimeException alreadyBroken) {
            // closing anyway
        } finally {
            process.close();
        }
    }

    private static ObjectNode request(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    private Outcome call(ObjectNode request) {
        String op = request.get("op").asText();
        String line;
        try {
            line = JSON.writeValueAsString(request);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        JsonNode answer = parse(process, process.exchange(line, op, limits.timeout()), op);
        if (answer.get("ok").asBoolean()) {
            return op.equals("get") ? Outcome.success(decode(answer)) : Outcome.success();
        }
        JsonNode code = answer.get("error");
        if (code == null || !code.isTextual() || code.asText().isEmpty()) {
            throw process.broken("it answered " + op + " with ok:false but no error code: " + shorten(answer.toString()));
        }
        return Outcome.error(code.asText(), answer.path("message").asText(""));
    }

    private byte[] decode(JsonNode answer) {
        JsonNode data = answer.get("data");
        if (data == null || !data.isTextual()) {
            throw process.broken("its get answer has no string field 'data': " + shorten(answer.toString()));
        }
        try {
            return Base64.getDecoder().decode(data.asText());
        } catch (IllegalArgumentException bad) {
            throw process.broken("its get answer's data is not standard base64 (" + bad.getMessage() + ")");
        }
    }

    private static JsonNode parse(AdapterProcess process, String line, String op) {
        JsonNode answer;
        try {
            answer = JSON.readTree(line);
        } catch (JsonProcessingException notJson) {
            throw process.broken("it answered " + op + " with a line that is not JSON: " + shorten(line));
        }
        if (answer == null || !answer.isObject() || answer.get("ok") == null || !answer.get("ok").isBoolean()) {
            throw process.broken("it answered " + op + " without a boolean 'ok': " + shorten(line));
        }
        return answer;
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? "'" + text + "'" : "'" + text.substring(0, 200) + "...' (" + text.length() + " chars)";
    }
}
