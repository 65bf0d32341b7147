package dev.odirect.conformance.evidence;

/**
 * How the bytes found differ from the bytes acknowledged: both sizes, the first differing offset,
 * and a hex window of each from the 16-byte line that holds it.
 */
public record Mismatch(long expectedBytes, long foundBytes, long firstDifference, long windowAt, String expectedHex,
                       String foundHex) {

    public boolean sizeDiffers() {
        return expectedBytes != foundBytes;
    }

    /** "4096 B acknowledged, 0 B on disk", or where the bytes differ at the right size. */
    public String signature() {
        return sizeDiffers() ? expectedBytes + " B acknowledged, " + foundBytes + " B on disk"
                : expectedBytes + " B acknowledged, other bytes on disk from offset " + firstDifference;
    }

    /** One line: sizes and the first difference. */
    public String describe() {
        return "expected " + expectedBytes + " bytes, found " + foundBytes + " bytes; first difference at offset "
                + firstDifference + (firstDifference % 512 == 0
                ? " (a multiple of 512" + (firstDifference % 4096 == 0 ? " and 4096)" : ")") : "");
    }

    /** The two hex lines, indented under an observation. */
    public String window() {
        String nl = System.lineSeparator();
        return "    expected @" + windowAt + ": " + expectedHex + nl + "    found    @" + windowAt + ": " + foundHex;
    }
}
