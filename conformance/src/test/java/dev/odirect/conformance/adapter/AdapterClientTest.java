package dev.odirect.conformance.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odirect.spi.Capability;
import dev.odirect.spi.StoreInfo;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** What a hello answer offers, read from its {@code ops} and {@code promises} entries by their exact names. */
class AdapterClientTest {
    static final ObjectMapper JSON = new ObjectMapper();

    StoreInfo info(String hello, boolean direct) throws Exception {
        JsonNode answer = JSON.readTree(hello);
        return AdapterClient.infoOf(answer, direct);
    }

    @Test
    void offersWhatTheOpsAndPromisesName() throws Exception {
        StoreInfo info = info("{\"ok\":true,\"protocol\":1,\"name\":\"s\",\"version\":\"2\",\"ops\":[\"hello\",\"put\","
                + "\"abort\",\"get\",\"get_range\",\"delete\",\"bye\"],\"promises\":[\"atomic_visibility\"]}", true);
        assertEquals(EnumSet.of(Capability.ABORT, Capability.RANGED_GET, Capability.DELETE,
                Capability.ATOMIC_VISIBILITY, Capability.DIRECT_IO), info.capabilities());
        assertEquals("s", info.name());
        assertEquals("2", info.version());
    }

    @Test
    void aRangedGetIsOfferedOnlyByItsExactEntry() throws Exception {
        StoreInfo info = info("{\"ok\":true,\"protocol\":1,\"ops\":[\"put\",\"get\",\"no_range\",\"GET_RANGE\"],"
                + "\"promises\":[\"ATOMIC_VISIBILITY\"]}", false);
        assertEquals(EnumSet.noneOf(Capability.class), info.capabilities());
        assertEquals("unnamed adapter", info.name());
    }
}
