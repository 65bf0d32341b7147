package dev.odirect.store.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.odirect.spi.protocol.ErrorCode;
import dev.odirect.spi.protocol.Field;
import dev.odirect.spi.protocol.Op;
import java.util.Base64;
import java.util.OptionalLong;

/** One request line, with typed access to its fields; a missing or mistyped field is EPROTO. */
record Request(JsonNode json) {

    /** The op the request names; one the protocol does not have is EUNSUPPORTED. */
    Op op() throws AdapterError {
        String name = text(Field.OP);
        return Op.fromWire(name).orElseThrow(() -> new AdapterError(ErrorCode.EUNSUPPORTED,
                "op '" + name + "' is not offered; ops: " + AdapterServer.OPS));
    }

    String text(String field) throws AdapterError {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new AdapterError(ErrorCode.EPROTO, "field '" + field + "' must be a string");
        }
        return value.asText();
    }

    /** The {@code data} field decoded from standard base64 (RFC 4648, with padding). */
    byte[] data() throws AdapterError {
        String encoded = text(Field.DATA);
        if (encoded.length() % 4 != 0) {
            throw new AdapterError(ErrorCode.EPROTO, "field '" + Field.DATA + "' is not padded base64 (length "
                    + encoded.length() + " is not a multiple of 4)");
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException bad) {
            throw new AdapterError(ErrorCode.EPROTO, "field '" + Field.DATA + "' is not standard base64: " + bad.getMessage());
        }
    }

    OptionalLong optionalCount(String field) throws AdapterError {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new AdapterError(ErrorCode.EINVAL, "field '" + field + "' must be a non-negative integer");
        }
        return OptionalLong.of(value.asLong());
    }

    long requiredLong(String field) throws AdapterError {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new AdapterError(ErrorCode.EPROTO, "field '" + field + "' must be an integer");
        }
        return value.asLong();
    }
}
