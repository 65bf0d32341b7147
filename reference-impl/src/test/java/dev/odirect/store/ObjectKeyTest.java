package dev.odirect.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b/c.dat", "..a", "a..", ".hidden", "a b/c", ".odirect-tmp-0123456789abcdef"})
    void acceptsRelativeKeysOfPlainSegments(String key) {
        assertEquals(Path.of("/root").resolve(key), ObjectKey.of(key).resolveUnder(Path.of("/root")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "/", "a//b", "a/", "./a", "a/./b", "..", "../x", "a/../../x", "a/..", "a\0b",
        ".odirect~tmp-0123456789abcdef", "a/.odirect~tmp-x", ".odirect~tmp-/b"})
    void refusesKeysThatAreEmptyAbsoluteOrClimb(String key) {
        InvalidKeyException refused = assertThrows(InvalidKeyException.class, () -> ObjectKey.of(key));
        assertEquals(true, refused.getMessage().startsWith("invalid key"), refused.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(InvalidKeyException.class, () -> ObjectKey.of(null));
    }

    @Test
    void parentSegmentsAreAllButTheLast() {
        assertEquals(List.of("a", "b"), ObjectKey.of("a/b/c").parentSegments());
    }
}
