package dev.odirect.store;

import static dev.odirect.store.testing.FileAssertions.assertFileHolds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odirect.store.testing.FileAssertions;
import dev.odirect.store.testing.TestData;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncDirectStoreTest {
    @TempDir
    Path root;

    @Test
    void chunksQueuedWithoutWaitingLandInOrder() throws Exception {
        byte[] expected = TestData.bytes(100 * 777, 1);
        try (AsyncDirectStore async = AsyncDirectStore.of(DirectStores.open(URI.create("direct://" + root)))) {
            AsyncObjectWriter writer = async.openWriter("k").get();
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int at = 0; at < expected.length; at += 777) {
                writes.add(writer.writeChunk(ByteBuffer.wrap(expected, at, 777)));
            }
            WriteResult result = writer.finish().get();
            assertTrue(writes.stream().allMatch(CompletableFuture::isDone));
            assertEquals(expected.length, result.size());
        }
        assertFileHolds(root.resolve("k"), expected);
    }

    @Test
    void blockingIoRunsOnTheFacadesOwnThreads() throws Exception {
        try (AsyncDirectStore async = AsyncDirectStore.of(DirectStores.open(URI.create("direct://" + root)))) {
            String ioThread = async.submit(() -> Thread.currentThread().getName()).get();
            assertTrue(ioThread.startsWith("odirect-io-"), "blocking call ran on " + ioThread);
        }
    }

    @Test
    void failuresArriveAsTheStoresExceptions() throws Exception {
        try (AsyncDirectStore async = AsyncDirectStore.of(DirectStores.open(URI.create("direct://" + root)))) {
            ExecutionException missing = assertThrows(ExecutionException.class, () -> async.get("nope").get());
            assertEquals("ENOENT", assertInstanceOf(StoreIOException.class, missing.getCause()).errnoName());
            AsyncObjectWriter writer = async.openWriter("k").get();
            writer.finish().get();
            ExecutionException late = assertThrows(ExecutionException.class,
                    () -> writer.writeChunk(ByteBuffer.allocate(1)).get());
            assertInstanceOf(IllegalStateException.class, late.getCause());
        }
    }

    @Test
    void aChunkThePoolRefusesFailsTheFinishAndLeavesNothing() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (AsyncDirectStore async = new AsyncDirectStore(DirectStores.open(URI.create("direct://" + root)), 1, 1)) {
            AsyncObjectWriter writer = async.openWriter("k").get();
            CompletableFuture<Boolean> busy = async.submit(() -> {
                started.countDown();
                return release.await(1, TimeUnit.MINUTES);
            });
            started.await();
            CompletableFuture<Object> queuedBehind = async.submit(() -> null);
            CompletableFuture<Void> refused = writer.writeChunk(ByteBuffer.wrap("AAAA".getBytes(StandardCharsets.US_ASCII)));
            release.countDown();
            busy.get();
            queuedBehind.get();
            CompletableFuture<Void> later = writer.writeChunk(ByteBuffer.wrap("BBBB".getBytes(StandardCharsets.US_ASCII)));
            CompletableFuture<WriteResult> finish = writer.finish();

            assertInstanceOf(RejectedExecutionException.class, assertThrows(ExecutionException.class, refused::get).getCause());
            assertThrows(ExecutionException.class, later::get);
            assertThrows(ExecutionException.class, finish::get);
            writer.abort().get();
        }
        assertFalse(Files.exists(root.resolve("k")), "no object after a lost chunk");
        assertEquals(List.of(), FileAssertions.entriesOf(root));
    }

    @Test
    void closingTheFacadeAbortsWritersLeftOpen() throws Exception {
        try (AsyncDirectStore async = AsyncDirectStore.of(DirectStores.open(URI.create("direct://" + root)))) {
            AsyncObjectWriter writer = async.openWriter("k").get();
            writer.writeChunk(ByteBuffer.wrap(TestData.bytes(10_000, 3))).get();
        }
        assertEquals(List.of(), FileAssertions.entriesOf(root));
    }

    @Test
    void aProducerFasterThanTheDiskWaitsInsteadOfQueueingWithoutBound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (AsyncDirectStore async = new AsyncDirectStore(DirectStores.open(URI.create("direct://" + root)), 1, 64)) {
            AsyncObjectWriter writer = async.openWriter("k").get();
            async.submit(() -> release.await(1, TimeUnit.MINUTES));
            Thread producer = new Thread(() -> {
                for (int i = 0; i <= AsyncObjectWriter.MAX_QUEUED_CALLS; i++) {
                    writer.writeChunk(ByteBuffer.allocate(1));
                }
            });
            producer.start();
            producer.join(2_000);
            assertTrue(producer.isAlive(), "the producer must wait once " + AsyncObjectWriter.MAX_QUEUED_CALLS
                    + " calls are queued");
            release.countDown();
            producer.join();
            assertEquals(AsyncObjectWriter.MAX_QUEUED_CALLS + 1L, writer.finish().get().size());
        }
    }

    @Test
    void anInterruptedCallerStillQueuesItsChunk() throws Exception {
        try (AsyncDirectStore async = AsyncDirectStore.of(DirectStores.open(URI.create("direct://" + root)))) {
            AsyncObjectWriter writer = async.openWriter("k").get();
            writer.writeChunk(ascii("AAAA"));
            Thread.currentThread().interrupt();
            CompletableFuture<Void> interrupted = writer.writeChunk(ascii("BBBB"));
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            writer.writeChunk(ascii("CCCC"));
            assertEquals(12, writer.finish().get().size());
            assertTrue(interrupted.isDone() && !interrupted.isCompletedExceptionally());
        }
        assertFileHolds(root.resolve("k"), "AAAABBBBCCCC".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aCallbackOnTheFacadesThreadFailsBeyondTheLimitInsteadOfWaitingForItself() throws Exception {
        try (AsyncDirectStore async = new AsyncDirectStore(DirectStores.open(URI.create("direct://" + root)), 1, 64)) {
            AsyncObjectWriter writer = async.openWriter("k").get();
            List<CompletableFuture<Void>> calls = async.submit(() -> {
                List<CompletableFuture<Void>> made = new ArrayList<>();
                for (int i = 0; i <= AsyncObjectWriter.MAX_QUEUED_CALLS; i++) {
                    made.add(writer.writeChunk(ascii("x")));
                }
                return made;
            }).get(1, TimeUnit.MINUTES);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> calls.get(calls.size() - 1).get());
            assertInstanceOf(IllegalStateException.class, refused.getCause());
            assertThrows(ExecutionException.class, () -> writer.finish().get());
        }
        assertEquals(List.of(), FileAssertions.entriesOf(root));
    }

    @Test
    void aFinishMadeBeforeCloseRunsBeforeThePoolStops() throws Exception {
        CompletableFuture<WriteResult> finish;
        try (AsyncDirectStore async = AsyncDirectStore.of(DirectStores.open(URI.create("direct://" + root)))) {
            AsyncObjectWriter writer = async.openWriter("k").get();
            writer.writeChunk(ByteBuffer.wrap(TestData.bytes(3 << 20, 4)));
            finish = writer.finish();
        }
        assertEquals(3 << 20, finish.get().size());
        assertFileHolds(root.resolve("k"), TestData.bytes(3 << 20, 4));
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
