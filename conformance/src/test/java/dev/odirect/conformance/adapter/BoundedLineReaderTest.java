package dev.odirect.conformance.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    static BoundedLineReader reader(String text, int maxBytes) {
        return new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes);
    }

    @Test
    void readsLinesLikeBufferedReaderOnNewlines() throws IOException {
        String big = "x".repeat(200_000);
        BoundedLineReader lines = reader("{\"ok\":true}\n\n" + big + "\nlast, unterminated é", 1 << 20);
        assertEquals("{\"ok\":true}", lines.readLine());
        assertEquals("", lines.readLine());
        assertEquals(big, lines.readLine());
        assertEquals("last, unterminated é", lines.readLine());
        assertNull(lines.readLine());
        assertNull(lines.readLine());
    }

    @Test
    void aLineOfExactlyTheLimitIsKeptOneByteMoreIsNot() throws IOException {
        BoundedLineReader lines = reader("12345\n123456\nnext\n1234567", 5);
        assertEquals("12345", lines.readLine());
        assertThrows(BoundedLineReader.LineTooLongException.class, lines::readLine);
        assertEquals("next", lines.readLine());
        assertThrows(BoundedLineReader.LineTooLongException.class, lines::readLine);
        assertNull(lines.readLine());
    }

    @Test
    void anEndlessLineIsReportedAsSoonAsItPassesTheLimit() {
        int limit = 1 << 20;
        EndlessLine endless = new EndlessLine();
        assertThrows(BoundedLineReader.LineTooLongException.class, () -> new BoundedLineReader(endless, limit).readLine());
        assertTrue(endless.served <= limit + 64 * 1024, "read " + endless.served + " bytes before reporting");
    }

    /** An adapter that never ends its answer. */
    static final class EndlessLine extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'a');
            served += length;
            return length;
        }
    }
}
