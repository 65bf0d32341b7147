package dev.odirect.conformance.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A failure renders itself from its fields: a signature line, the evidence, and text safe for HTML. */
class FailureTest {
    static final Mismatch LOST = new Mismatch(4096, 0, 0, 0, "94 62 ... [end]", "[end of data]");

    static Failure failure(Failure.Phase phase, String store) {
        return new Failure("STREAM-2", "MUST", "xfs", phase, Observation.of("object \"k\" after a stream", LOST), store,
                "xfs on /dev/loop3", List.of("open k as h -> ok", "finish h -> ok"), "odirect check --rule STREAM-2", "", null);
    }

    @Test
    void theSignatureLineSaysRuleCellAndSizes() {
        Failure failure = failure(Failure.Phase.CHECK, "s 1");
        assertEquals("STREAM-2 [xfs]: 4096 B acknowledged, 0 B on disk", failure.signature());
        assertEquals(Category.WRONG_SIZE, failure.category());
        assertTrue(failure.render().startsWith(failure.signature() + System.lineSeparator()), failure.render());
        assertTrue(failure.render().contains("found    @0: [end of data]"), failure.render());
    }

    @Test
    void aSetupFailureSaysSo() {
        assertEquals("setup of STREAM-2 [xfs] failed: 4096 B acknowledged, 0 B on disk",
                failure(Failure.Phase.SETUP, "s 1").signature());
    }

    @Test
    void theValueSurvivesJson() {
        Failure failure = failure(Failure.Phase.SETUP, "s 1").withProperty(
                new PropertyEvidence("STREAM-1 exact stream", 7, 1, "chunks [1]", "3 steps", "chunks [1, 2, 3]"));
        assertEquals(failure, Failure.fromJson(failure.toJson()));
    }

    @Test
    void storeSuppliedTextCannotBecomeMarkup() {
        String shown = Html.escape(failure(Failure.Phase.CHECK, "<img src=x onerror=alert(1)>").render());
        assertFalse(shown.contains("<img"), shown);
        assertTrue(shown.contains("&lt;img src=x onerror=alert(1)&gt;"), shown);
        assertTrue(shown.contains("[end of data]"), "the markers read the same in HTML: " + shown);
    }
}
