package dev.odirect.store.adapter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.odirect.spi.Outcome;
import dev.odirect.store.StoreConfig;
import dev.odirect.store.spi.Outcomes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Serves the store adapter protocol, version 1 ({@code docs/adapter-protocol.md}),
 * with the reference store: one JSON request per line in, exactly one JSON answer per line out.
 * A bad request gets its error code and the server keeps serving; {@code bye} or end of input ends.
 */
public final class AdapterServer {
    private static final System.Logger LOG = System.getLogger("dev.odirect.store.adapter");
    /** Objects travel whole in one base64 string; Jackson's default cap (20 M chars) is far too small. */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());

    private final StoreConfig config;

    public AdapterServer(StoreConfig config) {
        this.config = config;
    }

    /** Serves until {@code bye} or end of input; returns the exit status, 0. */
    public int serve(InputStream in, OutputStream out) throws IOException {
        BufferedReader requests = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        PrintStream answers = new PrintStream(out, false, StandardCharsets.UTF_8);
        AdapterSession session = new AdapterSession(config);
        try {
            String line;
            while ((line = requests.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Answer answer = answer(session, line);
                answers.print(MAPPER.writeValueAsString(answer.json()));
                answers.print('\n');
                answers.flush();
                if (answer.last()) {
                    break;
                }
            }
        } finally {
            session.end();
        }
        return 0;
    }

    private record Answer(ObjectNode json, boolean last) {
    }

    private static Answer answer(AdapterSession session, String line) {
        try {
            JsonNode json = MAPPER.readTree(line);
            if (json == null || !json.isObject()) {
                throw new AdapterError(Outcomes.EPROTO, "a request must be one JSON object per line");
            }
            Request request = new Request(json);
            return new Answer(session.answer(request), request.op().equals("bye"));
        } catch (JsonProcessingException notJson) {
            return new Answer(error(new AdapterError(Outcomes.EPROTO,
                    "not JSON: " + notJson.getOriginalMessage())), false);
        } catch (AdapterError refused) {
            return new Answer(error(refused), false);
        } catch (RuntimeException | OutOfMemoryError failure) {
            LOG.log(System.Logger.Level.WARNING, "request failed", failure);
            Outcome outcome = Outcomes.of(failure);
            return new Answer(error(new AdapterError(outcome.code(), outcome.message())), false);
        }
    }

    private static ObjectNode error(AdapterError error) {
        return JsonNodeFactory.instance.objectNode().put("ok", false).put("error", error.code())
                .put("message", String.valueOf(error.getMessage()));
    }
}
