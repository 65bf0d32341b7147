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
import dev.odirect.spi.protocol.Field;
import dev.odirect.spi.protocol.Op;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The client side of the store adapter protocol, version {@value Op#PROTOCOL_VERSION}: one adapter process per session,
 * {@code hello} first, one JSON line per request and per answer, {@code bye} at the end. Anything
 * that is not the protocol breaks the session with a message that says what came instead.
 */
public final class AdapterClient implements StoreSession {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());

    private final AdapterProcess process;
    private final SessionLimits limits;
    private final StoreInfo info;

    private AdapterClient(AdapterProcess process, SessionLimits limits, StoreInfo info) {
        this.process = process;
        this.limits = limits;
        this.info = info;
    }

    /** Starts the adapter and says hello; {@code direct} is what the user says the store does. */
    public static AdapterClient start(String command, Path root, SessionLimits limits, boolean direct) throws IOException {
        AdapterProcess process = new AdapterProcess(command, limits);
        try {
            ObjectNode hello = request(Op.HELLO).put(Field.PROTOCOL, Op.PROTOCOL_VERSION).put(Field.ROOT, root.toString());
            String line = process.exchange(line(hello), Op.HELLO.wire(), limits.timeout());
            JsonNode answer = parse(process, line, Op.HELLO.wire());
            if (!answer.get(Field.OK).asBoolean()) {
                throw process.broken("it refused hello: " + answer.path(Field.ERROR).asText() + " "
                        + answer.path(Field.MESSAGE).asText());
            }
            requireProtocol(process, answer);
            return new AdapterClient(process, limits, infoOf(answer, direct));
        } catch (RuntimeException failed) {
            process.close();
            throw failed;
        }
    }

    private static void requireProtocol(AdapterProcess process, JsonNode hello) {
        JsonNode protocol = hello.get(Field.PROTOCOL);
        if (protocol == null || !protocol.isInt() || protocol.intValue() != Op.PROTOCOL_VERSION) {
            String answered = protocol == null ? "without a protocol version" : "with protocol " + protocol;
            throw process.broken("it answered hello " + answered + ", but this suite speaks protocol "
                    + Op.PROTOCOL_VERSION + ": answer hello with \"protocol\":" + Op.PROTOCOL_VERSION);
        }
    }

    static StoreInfo infoOf(JsonNode hello, boolean direct) {
        Set<Capability> offers = EnumSet.noneOf(Capability.class);
        for (JsonNode op : hello.path(Field.OPS)) {
            String name = op.asText();
            if (name.equals(Op.ABORT.wire())) {
                offers.add(Capability.ABORT);
            } else if (name.equals(Op.DELETE.wire())) {
                offers.add(Capability.DELETE);
            } else if (name.equals(Op.GET_RANGE)) {
                offers.add(Capability.RANGED_GET);
            }
        }
        for (JsonNode promise : hello.path(Field.PROMISES)) {
            if (promise.asText().equals(Op.ATOMIC_VISIBILITY)) {
                offers.add(Capability.ATOMIC_VISIBILITY);
            }
        }
        if (direct) {
            offers.add(Capability.DIRECT_IO);
        }
        return new StoreInfo(hello.path(Field.NAME).asText("unnamed adapter"), hello.path(Field.VERSION).asText("?"), offers);
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
        return call(request(Op.PUT).put(Field.KEY, key).put(Field.DATA, data));
    }

    @Override
    public Outcome open(String key, String handle) {
        return call(request(Op.OPEN).put(Field.KEY, key).put(Field.HANDLE, handle));
    }

    @Override
    public Outcome write(String handle, byte[] chunk) {
        return call(request(Op.WRITE).put(Field.HANDLE, handle).put(Field.DATA, chunk));
    }

    @Override
    public Outcome finish(String handle) {
        return call(request(Op.FINISH).put(Field.HANDLE, handle));
    }

    @Override
    public Outcome abort(String handle) {
        return call(request(Op.ABORT).put(Field.HANDLE, handle));
    }

    @Override
    public Outcome get(String key, OptionalLong offset, OptionalLong length) {
        ObjectNode get = request(Op.GET).put(Field.KEY, key);
        offset.ifPresent(value -> get.put(Field.OFFSET, value));
        length.ifPresent(value -> get.put(Field.LENGTH, value));
        return call(get);
    }

    @Override
    public Outcome delete(String key) {
        return call(request(Op.DELETE).put(Field.KEY, key));
    }

    /** Says bye (briefly: a broken adapter is not waited for) and ends the process. */
    @Override
    public void close() {
        try {
            if (process.exitValue().isEmpty()) {
                process.exchange(line(request(Op.BYE)), Op.BYE.wire(), Duration.ofSeconds(2));
            }
        } catch (RuntimeException alreadyBroken) {
            // closing anyway
        } finally {
            process.close();
        }
    }

    /** The request as UTF-8 JSON; a byte[] field is written as standard base64, as the protocol's data is. */
    private static byte[] line(ObjectNode request) {
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static ObjectNode request(Op op) {
        return JSON.createObjectNode().put(Field.OP, op.wire());
    }

    private Outcome call(ObjectNode request) {
        String op = request.get(Field.OP).asText();
        JsonNode answer = parse(process, process.exchange(line(request), op, limits.timeout()), op);
        if (answer.get(Field.OK).asBoolean()) {
            return op.equals(Op.GET.wire()) ? Outcome.success(decode(answer)) : Outcome.success();
        }
        JsonNode code = answer.get(Field.ERROR);
        if (code == null || !code.isTextual() || code.asText().isEmpty()) {
            throw process.broken("it answered " + op + " with ok:false but no error code: " + shorten(answer.toString()));
        }
        return Outcome.error(code.asText(), answer.path(Field.MESSAGE).asText(""));
    }

    private byte[] decode(JsonNode answer) {
        JsonNode data = answer.get(Field.DATA);
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
        if (answer == null || !answer.isObject() || answer.get(Field.OK) == null || !answer.get(Field.OK).isBoolean()) {
            throw process.broken("it answered " + op + " without a boolean 'ok': " + shorten(line));
        }
        return answer;
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? "'" + text + "'" : "'" + text.substring(0, 200) + "...' (" + text.length() + " chars)";
    }
}
