package dev.odirect.store.testing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Deterministic, position-dependent bytes, so a misplaced block never matches by accident. */
public final class TestData {
    private TestData() {
    }

    public static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed ^ size).nextBytes(data);
        return data;
    }

    /** The stream's chunks as buffers over one array, and the array is the expected object. */
    public static List<ByteBuffer> chunks(byte[] whole, int... sizes) {
        ByteBuffer[] chunks = new ByteBuffer[sizes.length];
        int at = 0;
        for (int i = 0; i < sizes.length; i++) {
            chunks[i] = ByteBuffer.wrap(whole, at, sizes[i]).slice();
            at += sizes[i];
        }
        return List.of(chunks);
    }

    public static int total(int... sizes) {
        return Arrays.stream(sizes).sum();
    }
}
