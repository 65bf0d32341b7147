package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static dev.odirect.store.testing.FileAssertions.assertNoTemporaryFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.store.testing.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Symlinks inside the root lead outside it: {@code root/evil -> outside}, {@code root/real/deeper
 * -> outside}, {@code root/obj -> outside/secret}. No call of the store may create, read, change or
 * remove anything through them.
 */
class SymlinkEscapeTest {
    /** What the kernel answers for a symlink met without following it, depending on the call. */
    static final Set<String> REFUSALS = Set.of("ELOOP", "ENOTDIR");
    static final byte[] SECRET = TestData.bytes(5000, 21);
    static final byte[] INTRUDER = TestData.bytes(5000, 22);

    @FunctionalInterface
    interface StoreCall {
        void run(DirectStore store, String key) throws IOException;
    }

    enum Operation {
        PUT((store, key) -> store.put(key, ByteBuffer.wrap(INTRUDER))),
        STREAM((store, key) -> {
            try (ObjectWriter writer = store.openWriter(key)) {
                writer.writeChunk(ByteBuffer.wrap(INTRUDER));
                writer.finish();
            }
        }),
        GET(DirectStore::get),
        RANGED_GET((store, key) -> store.get(key, 1, 100)),
        DELETE(DirectStore::delete);

        final StoreCall call;

        Operation(StoreCall call) {
            this.call = call;
        }
    }

    /** Through a symlinked directory (at the top, deeper down, to a directory to create) and naming a symlink. */
    static Stream<Arguments> operationsAndKeys() {
        List<String> keys = List.of("evil/secret", "real/deeper/secret", "evil/new/planted", "obj");
        return Arrays.stream(Operation.values()).flatMap(op -> keys.stream().map(key -> Arguments.of(op, key)));
    }

    @TempDir
    Path base;
    Path root;
    Path outside;
    Path secret;
    DirectStore store;

    @BeforeEach
    void plantSymlinks() throws IOException {
        root = Files.createDirectory(base.resolve("root"));
        outside = Files.createDirectory(base.resolve("outside"));
        secret = Files.write(outside.resolve("secret"), SECRET);
        Files.createSymbolicLink(root.resolve("evil"), outside);
        Files.createSymbolicLink(Files.createDirectory(root.resolve("real")).resolve("deeper"), outside);
        Files.createSymbolicLink(root.resolve("obj"), secret);
        store = DirectStores.open(URI.create("direct://" + root));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operationsAndKeys")
    void isRefusedAndNothingOutsideTheRootChanges(Operation operation, String key) throws IOException {
        StoreIOException refused = assertThrows(StoreIOException.class, () -> operation.call.run(store, key));
        assertTrue(REFUSALS.contains(refused.errnoName()), refused.getMessage());

        assertEquals(List.of("secret"), namesIn(outside), "nothing created or removed outside the root");
        assertFileHolds(secret, SECRET);
        assertEquals(outside, Files.readSymbolicLink(root.resolve("evil")));
        assertEquals(outside, Files.readSymbolicLink(root.resolve("real/deeper")));
        assertEquals(secret, Files.readSymbolicLink(root.resolve("obj")));
        assertNoTemporaryFiles(root);
    }

    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
