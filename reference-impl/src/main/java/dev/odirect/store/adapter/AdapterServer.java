package dev.odirect.store.adapter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.spi.Outcome;
import dev.odirect.spi.protocol.ErrorCode;
import dev.odirect.spi.protocol.Field;
import dev.odirect.spi.protocol.Op;
import dev.odirect.store.DirectIoVerdict;
import dev.odirect.store.DirectStores;
import dev.odirect.store.IoMode;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.StoreVersion;
import dev.odirect.store.spi.Outcomes;
import dev.odirect.store.spi.ReferenceSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Serves the store adapter protocol, version 1 ({@code docs/adapter-protocol.md}) with the reference store,
 * over a {@link ReferenceSession}: one JSON request per line in, exactly one JSON answer per line
 * out. A bad request gets its error code and the server keeps serving; {@code bye} or end of input
 * ends. One server serves one connection.
 */
public final class AdapterServer {
    static final String NAME = "odirect-reference";
    /** What hello offers: every op, and the ranged get, which is not an op of its own. */
    static final List<String> OPS = offeredOps();
    private static final System.Logger LOG = System.getLogger("dev.odirect.store.adapter");
    /** Objects travel whole in one base64 string; Jackson's default cap (20 M chars) is far too small. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());

    private final StoreConfig config;
    private ReferenceSession session;

    public AdapterServer(StoreConfig config) {
        this.config = config;
    }

    /** Serves until {@code bye} or end of input; returns the exit status, 0. */
    public int serve(InputStream in, OutputStream out) throws IOException {
        BufferedReader requests = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        PrintStream answers = new PrintStream(out, false, StandardCharsets.UTF_8);
        try {
            String line;
            while ((line = requests.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Answer answer = answer(line);
                answers.print(JSON.writeValueAsString(answer.json()));
                answers.print('\n');
                answers.flush();
                if (answer.last()) {
                    break;
                }
            }
        } finally {
            end();
        }
        return 0;
    }

    private record Answer(ObjectNode json, boolean last) {
    }

    private Answer answer(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            if (json == null || !json.isObject()) {
                throw new AdapterError(ErrorCode.EPROTO, "a request must be one JSON object per line");
            }
            Request request = new Request(json);
            Op op = request.op();
            return new Answer(answer(op, request), op == Op.BYE);
        } catch (JsonProcessingException notJson) {
            return new Answer(error(new AdapterError(ErrorCode.EPROTO,
                    "not JSON: " + notJson.getOriginalMessage())), false);
        } catch (AdapterError refused) {
            return new Answer(error(refused), false);
        } catch (RuntimeException | OutOfMemoryError failure) {
            LOG.log(Level.WARNING, "request failed", failure);
            Outcome outcome = Outcomes.of(failure);
            return new Answer(error(new AdapterError(outcome.code(), outcome.message())), false);
        }
    }

    /** Answers one request; an {@link AdapterError} becomes the {@code ok:false} answer. */
    private ObjectNode answer(Op op, Request request) throws AdapterError {
        if (op == Op.HELLO) {
            return hello(request);
        }
        if (op == Op.BYE) {
            return ok();
        }
        if (session == null) {
            throw new AdapterError(ErrorCode.EPROTO, "no session: send hello with protocol "
                    + Op.PROTOCOL_VERSION + " and a root first");
        }
        Outcome outcome = switch (op) {
            case PUT -> session.put(request.text(Field.KEY), request.data());
            case OPEN -> session.open(request.text(Field.KEY), request.text(Field.HANDLE));
            case WRITE -> session.write(request.text(Field.HANDLE), request.data());
            case FINISH -> session.finish(request.text(Field.HANDLE));
            case ABORT -> session.abort(request.text(Field.HANDLE));
            case GET -> session.get(request.text(Field.KEY), request.optionalCount(Field.OFFSET),
                    request.optionalCount(Field.LENGTH));
            case DELETE -> session.delete(request.text(Field.KEY));
            case HELLO, BYE -> throw new IllegalStateException("answered above");
        };
        if (!outcome.ok()) {
            throw new AdapterError(outcome.code(), outcome.message());
        }
        ObjectNode answer = ok();
        if (op == Op.GET) {
            answer.put(Field.DATA, Base64.getEncoder().encodeToString(outcome.data()));
        } else if (op == Op.PUT || op == Op.FINISH) {
            describeWrite(answer);
        }
        return answer;
    }

    /** Gives up every open writer; the session is over. */
    private void end() {
        if (session != null) {
            session.close();
        }
    }

    private ObjectNode hello(Request request) throws AdapterError {
        if (request.requiredLong(Field.PROTOCOL) != Op.PROTOCOL_VERSION) {
            throw new AdapterError(ErrorCode.EPROTO, "protocol " + request.json().get(Field.PROTOCOL)
                    + " is not supported: this adapter speaks protocol " + Op.PROTOCOL_VERSION);
        }
        Path root = Path.of(request.text(Field.ROOT));
        if (!root.isAbsolute() || !Files.isDirectory(root)) {
            throw new AdapterError(root.isAbsolute() ? ErrorCode.ENOENT : ErrorCode.EINVAL,
                    "root must be an absolute path to an existing directory: " + root);
        }
        end();
        String scheme = config.mode() == IoMode.DIRECT ? "direct" : "file";
        session = new ReferenceSession(DirectStores.open(URI.create(scheme + "://" + root.toUri().getRawPath()), config));
        ObjectNode answer = ok().put(Field.PROTOCOL, Op.PROTOCOL_VERSION).put(Field.NAME, NAME)
                .put(Field.VERSION, StoreVersion.get());
        OPS.forEach(answer.putArray(Field.OPS)::add);
        // objects are written to a temporary file and renamed into place when finished
        answer.putArray(Field.PROMISES).add(Op.ATOMIC_VISIBILITY);
        return answer;
    }

    /** How the bytes went: information a client may ignore. */
    private void describeWrite(ObjectNode answer) {
        session.lastWrite().ifPresent(result -> {
            DirectIoVerdict verdict = result.directIo();
            answer.put(Field.SIZE, result.size()).put(Field.DIRECT_BYTES, result.bytesDirect())
                    .put(Field.BUFFERED_BYTES, result.bytesBuffered())
                    .put(Field.DIRECT_IO, verdict.kind().name().toLowerCase(Locale.ROOT));
            verdict.reason().ifPresent(reason -> answer.put(verdict.oDirect() ? Field.NOT_VERIFIED : Field.FALLBACK,
                    reason));
        });
    }

    private static List<String> offeredOps() {
        List<String> ops = new ArrayList<>(Arrays.stream(Op.values()).map(Op::wire).toList());
        ops.add(ops.indexOf(Op.GET.wire()) + 1, Op.GET_RANGE);
        return List.copyOf(ops);
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put(Field.OK, true);
    }

    private static ObjectNode error(AdapterError error) {
        return JSON.createObjectNode().put(Field.OK, false).put(Field.ERROR, error.code())
                .put(Field.MESSAGE, String.valueOf(error.getMessage()));
    }
}
