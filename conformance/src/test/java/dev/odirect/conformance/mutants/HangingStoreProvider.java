package dev.odirect.conformance.mutants;

import dev.odirect.spi.Outcome;
import dev.odirect.spi.StoreInfo;
import dev.odirect.spi.StoreProvider;
import dev.odirect.spi.StoreSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code hang:///}, a store whose every operation hangs: the suite must give up on it, not hang with it. */
public final class HangingStoreProvider implements StoreProvider {
    @Override
    public boolean accepts(URI uri) {
        return "hang".equals(uri.getScheme());
    }

    @Override
    public StoreInfo info(URI uri) {
        return new StoreInfo("hanging store", "test", Set.of());
    }

    @Override
    public StoreSession open(URI uri, Path root) {
        return new HangingSession();
    }

    private static final class HangingSession implements StoreSession {
        @Override
        public Outcome put(String key, byte[] data) {
            return hang();
        }

        @Override
        public Outcome open(String key, String handle) {
            return hang();
        }

        @Override
        public Outcome write(String handle, byte[] chunk) {
            return hang();
        }

        @Override
        public Outcome finish(String handle) {
            return hang();
        }

        @Override
        public Outcome abort(String handle) {
            return hang();
        }

        @Override
        public Outcome get(String key, OptionalLong offset, OptionalLong length) {
            return hang();
        }

        @Override
        public Outcome delete(String key) {
            return hang();
        }

        @Override
        public void close() {
        }

        /** Until interrupted, so that the test leaves no thread behind. */
        private static Outcome hang() {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException givenUp) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted while hanging");
        }
    }
}
