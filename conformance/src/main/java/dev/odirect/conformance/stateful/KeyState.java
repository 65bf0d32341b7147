package dev.odirect.conformance.stateful;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one key may show a reader: whole objects it may hold (an absent key is the empty
 * candidate), and the bytes of in-place writers that were opened on it and not finished since.
 * Such a writer's file may show, at each offset, a byte written there so far by one of them, a
 * zero (a region not yet written: writes in flight complete in any order), or the earlier
 * object's byte (a writer that writes over the earlier object and cuts it to size at finish); or
 * nothing at all.
 */
public record KeyState(List<Optional<byte[]>> wholes, List<ByteArrayOutputStream> partials) {
    static final KeyState ABSENT = new KeyState(List.of(Optional.empty()), List.of());

    public KeyState {
        wholes = List.copyOf(wholes);
        partials = List.copyOf(partials);
    }

    static KeyState holding(byte[] data) {
        return new KeyState(List.of(Optional.of(data)), List.of());
    }

    /** The same, and also whatever an in-place writer shows of its bytes so far. */
    KeyState orBeingWritten(ByteArrayOutputStream bytes) {
        List<ByteArrayOutputStream> more = new ArrayList<>(partials);
        more.add(bytes);
        return new KeyState(wholes, more);
    }

    /** One thing only may be there. */
    public boolean certain() {
        return partials.isEmpty() && wholes.size() == 1;
    }

    Optional<byte[]> certainObject() {
        return certain() ? wholes.get(0) : Optional.empty();
    }

    public boolean mayBeAbsent() {
        return !partials.isEmpty() || wholes.stream().anyMatch(Optional::isEmpty);
    }

    boolean mayBePresent() {
        return !partials.isEmpty() || wholes.stream().anyMatch(Optional::isPresent);
    }

    /** Whether a reader may find these bytes at the key. */
    public boolean mayRead(byte[] found) {
        return wholes.stream().flatMap(Optional::stream).anyMatch(whole -> Arrays.equals(whole, found))
                || (!partials.isEmpty() && writtenInPlace(found));
    }

    /** Each byte is a zero, or the byte at its offset of an earlier object or of any writer since. */
    private boolean writtenInPlace(byte[] found) {
        List<byte[]> sources = new ArrayList<>(wholes.stream().flatMap(Optional::stream).toList());
        partials.forEach(partial -> sources.add(partial.toByteArray()));
        for (int i = 0; i < found.length; i++) {
            if (found[i] != 0 && !byteOfAny(sources, i, found[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean byteOfAny(List<byte[]> objects, int at, byte value) {
        return objects.stream().anyMatch(object -> byteAt(object, at, value));
    }

    private static boolean byteAt(byte[] data, int at, byte value) {
        return at < data.length && data[at] == value;
    }

    /** What a correct store shows for this key, in words. */
    public String describe() {
        List<String> options = new ArrayList<>();
        wholes.forEach(whole -> options.add(whole.map(data -> "the object of " + data.length + " bytes")
                .orElse("an error (no object)")));
        partials.forEach(partial -> options.add("part of the " + partial.size() + " bytes written in place so far"));
        if (!partials.isEmpty() && wholes.stream().allMatch(Optional::isPresent)) {
            options.add("an error");
        }
        return String.join(" or ", options);
    }
}
